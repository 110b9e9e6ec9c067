Feature: Report an unwanted number
  As someone who just got an unwanted call
  I want to report the number and what the call was about
  So that the next person is warned before answering

  Background:
    Given Alice is signed in

  @REQ-201
  Rule: Each person can report a number once

    @api @smoke @critical
    Scenario: A report is recorded and counts towards the spam level
      Given a number nobody has reported
      When Alice reports the number as scam with the comment "Asked for the code my bank sent me"
      Then the report is recorded
      When a caller looks up the number
      Then the spam level is suspicious
      And the most reported category is scam

    @api @critical
    Scenario: Reporting the same number twice is refused
      Given a number nobody has reported
      And Alice has reported the number as telemarketing
      When Alice reports the number as scam
      Then the report is refused because Alice already reported the number
      When a caller looks up the number
      Then the report count is 1

    @api
    Scenario: Reports of different people add up
      Given a number nobody has reported
      And Bob has reported the number as harassment
      When Alice reports the number as harassment
      Then the report is recorded
      When a caller looks up the number
      Then the report count is 2

    @ui @smoke
    Scenario: Reporting a number in the web app
      Given a number nobody has reported
      And Alice is signed in to the web app
      When Alice reports the number as scam in the web app
      Then the web app thanks Alice for the report
      When a visitor looks up the number in the web app
      Then the result card shows 1 report

    @ui
    Scenario: The web app says when a number was already reported
      Given a number nobody has reported
      And Alice has reported the number as telemarketing
      And Alice is signed in to the web app
      When Alice reports the number as robocall in the web app
      Then the web app says Alice already reported the number

  @REQ-204
  Rule: A report needs a known category, a well-formed number and at most 500 characters of comment

    @api
    Scenario: A comment of exactly 500 characters is accepted
      Given a number nobody has reported
      When Alice reports the number as other with a comment of 500 characters
      Then the report is recorded

    @api @negative
    Scenario: A comment of 501 characters is refused
      Given a number nobody has reported
      When Alice reports the number as other with a comment of 501 characters
      Then the report is refused because its comment is invalid

    @api @negative
    Scenario: An unknown category is refused
      Given a number nobody has reported
      When Alice reports the number with the category "annoying"
      Then the report is refused because its category is invalid

    @api @negative
    Scenario: A malformed number is refused
      When Alice reports the text "12345" as scam
      Then the report is refused because its number is invalid

  @REQ-202
  Rule: A person can withdraw their report, and it stops counting

    @api @critical
    Scenario: Withdrawing a report lowers the spam level
      Given a number that has been reported 2 times as telemarketing
      And Alice has reported the number as telemarketing
      When Alice withdraws the report
      Then the report is withdrawn
      When a caller looks up the number
      Then the report count is 2
      And the spam level is suspicious

    @api
    Scenario: A withdrawn report cannot be withdrawn again
      Given a number nobody has reported
      And Alice has reported the number as robocall
      And Alice has withdrawn the report
      When Alice withdraws the report
      Then Alice is told there is no such report

    @api
    Scenario: After withdrawing, the number can be reported again
      Given a number nobody has reported
      And Alice has reported the number as robocall
      And Alice has withdrawn the report
      When Alice reports the number as scam
      Then the report is recorded

  @REQ-203
  Rule: Anyone can read a number's reports, newest first, without learning who made them

    @api
    Scenario: Reports come in pages
      Given a number that has been reported 5 times as robocall
      When a caller reads the reports of the number, 2 per page, page 3
      Then the page shows 1 of 5 reports, on page 3 of 3

    @api
    Scenario: The newest report comes first and nobody's name is shown
      Given a number nobody has reported
      And Bob has reported the number as telemarketing
      And Alice has reported the number as scam with the comment "Pretended to be the police"
      When a caller reads the reports of the number
      Then the first report is a scam report saying "Pretended to be the police"
      And no report reveals who made it

    @api @negative
    Scenario Outline: Pages of <size> reports are not offered
      Given a number nobody has reported
      When a caller reads the reports of the number, <size> per page, page 1
      Then the request is refused because its pageSize is invalid

      Examples:
        | size |
        | 0    |
        | 51   |
