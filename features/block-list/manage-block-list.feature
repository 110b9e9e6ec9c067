@serial
Feature: Keep a personal block list
  As someone who gets unwanted calls
  I want to keep a list of numbers my phone should not ring for
  So that known nuisances stay silent

  # A provisioned account (ACCOUNT_ALICE) keeps its block list from scenario to scenario, and every
  # worker signs in to the same one: each scenario starts from an empty list, and runs at no time
  # as another @serial one (the security and account-privacy features act on Alice's block list too).
  Background:
    Given Alice is signed in
    And Alice starts with an empty block list

  @REQ-301
  Rule: A person can block, list and unblock numbers

    @api @smoke @critical
    Scenario: A blocked number is listed with its label
      Given a number nobody has reported
      When Alice blocks the number with the label "Car warranty"
      Then the number is blocked
      And Alice's block list shows the number labelled "Car warranty"

    @api
    Scenario: A label is optional
      Given a number nobody has reported
      When Alice blocks the number
      Then the number is blocked
      And Alice's block list shows the number without a label

    @api
    Scenario: The most recently blocked number comes first
      Given Alice has blocked 3 numbers
      And a number nobody has reported
      When Alice blocks the number
      Then Alice's block list holds 4 numbers, the number first

    @api @critical
    Scenario: Unblocking takes the number off the list
      Given a number nobody has reported
      And Alice has blocked the number
      When Alice unblocks the number
      Then the number is unblocked
      And Alice's block list is empty

    @api
    Scenario: Blocking a number twice is refused
      Given a number nobody has reported
      And Alice has blocked the number
      When Alice blocks the number
      Then the block is refused because the number is already blocked

    @api
    Scenario: Unblocking a number that is not blocked is refused
      Given a number nobody has reported
      When Alice unblocks the number
      Then Alice is told the number is not on the block list

    @ui @smoke @critical
    Scenario: Blocking and unblocking in the web app
      Given a number nobody has reported
      And Alice is signed in to the web app
      When Alice blocks the number in the web app with the label "Pushy sales"
      Then the web app lists the number as blocked, labelled "Pushy sales"
      When Alice unblocks the number in the web app
      Then the web app shows an empty block list

    @ui
    Scenario: Blocking a number straight from its lookup result
      Given a number that has been reported 3 times as scam
      And Alice is signed in to the web app
      When Alice looks up the number in the web app
      And Alice blocks the number from the result card
      Then Alice's block list shows the number without a label

  @REQ-302
  Rule: A block list is private to its owner

    @api @critical
    Scenario: Bob cannot read Alice's block list
      Given Alice has blocked 2 numbers
      And Bob is signed in
      When Bob tries to see the block list for Alice
      Then Bob is refused because it is not his account
