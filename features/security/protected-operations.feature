# @serial: it acts on Alice's account, block list included, which a provisioned account shares
# between workers (see features/block-list/manage-block-list.feature).
@contract @api @REQ-701 @serial
Feature: Every protected operation refuses anyone but the account holder
  As the team answerable for people's accounts
  I want every operation the contract protects to refuse bad credentials
  So that no operation, old or new, lets somebody act on another person's account

  The requests are well-formed in every other way: made from the contract's own examples, on
  Alice's account. Only the credentials differ.

  Background:
    Given Alice is signed in
    And Bob is signed in

  Rule: Without a valid token of the account holder, a protected operation does nothing

    @critical
    Scenario Outline: Every protected operation refuses <credentials>
      When every operation the contract protects is called on Alice's account with <credentials>
      Then every one of them is refused with 401

      Examples:
        | credentials       |
        | no token          |
        | a malformed token |
        | an expired token  |

    @critical
    Scenario: Every protected operation refuses another account's token
      When every operation the contract protects is called on Alice's account with Bob's token
      Then every one of them is refused with 403, or 404 where the contract documents no 403

    Scenario: The account holder's own token is not refused
      When every operation the contract protects is called on Alice's account with her own token
      Then none of them is refused for its credentials
