# @serial: it acts on Alice's account, block list included, which a provisioned account shares
# between workers (see features/block-list/manage-block-list.feature).
@contract @api @negative @REQ-702 @serial
Feature: Hostile input never breaks the service
  As the team that runs the service
  I want whatever arrives to be refused cleanly or handled
  So that no request, however malformed or malicious, causes a server error

  Every request is sent to every operation it applies to, signed in as Alice on her own account.
  These scenarios send invalid requests on purpose (`@negative`): requests are not checked against
  the contract, answers are.

  Background:
    Given Alice is signed in

  Rule: A body that cannot be read is refused with a problem document

    Scenario Outline: Every operation that takes a body refuses <input>
      When every operation is sent <input> by Alice
      Then every one of them is refused with a problem document

      Examples:
        | input             |
        | malformed JSON    |
        | an oversized body |

  Rule: Unusual and malicious text never causes a server error

    Scenario Outline: Every operation handles <input>
      When every operation is sent <input> by Alice
      Then none of them fails with a server error, and every refusal is a problem document

      Examples:
        | input                                 |
        | unicode text in every text field      |
        | injection strings in every text field |
        | injection strings in every parameter  |
