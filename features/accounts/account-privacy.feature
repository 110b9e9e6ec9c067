# @serial: to have something to refuse, it blocks a number for Alice, whose block list a
# provisioned account shares between workers (see features/block-list/manage-block-list.feature).
@serial
Feature: Only the account holder acts on an account
  As an account holder
  I want my reports and my block list to be mine alone
  So that nobody can act in my name or learn whom I block

  Every action on an account is listed here, each proven twice: without signing in, and signed
  in as somebody else.

  @REQ-403
  Rule: Every action on an account needs its holder to be signed in

    @api @critical
    Scenario Outline: Nobody can <action> for Alice without signing in
      Given Alice is signed in
      When someone who is not signed in tries to <action> for Alice
      Then the request is refused until they sign in

      Examples:
        | action             |
        | report a number    |
        | withdraw a report  |
        | see the block list |
        | block a number     |
        | unblock a number   |

    @api @critical
    Scenario Outline: Bob cannot <action> for Alice
      Given Alice is signed in
      And Bob is signed in
      When Bob tries to <action> for Alice
      Then Bob is refused because it is not his account

      Examples:
        | action             |
        | report a number    |
        | withdraw a report  |
        | see the block list |
        | block a number     |
        | unblock a number   |

    @api
    Scenario: A made-up token is refused
      Given Alice is signed in
      When someone with a made-up token tries to see the block list for Alice
      Then the request is refused until they sign in
