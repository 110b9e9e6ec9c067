Feature: Identify who is calling
  As someone whose phone is ringing
  I want to see who the number belongs to
  So that I can decide whether to answer

  The directory knows businesses, some of which proved they own their number (verified), and
  people who chose to be listed. Any other number is unknown until people report it.

  @REQ-101
  Rule: A listed business is named, and the lookup says whether it is verified

    @api @smoke @critical
    Scenario: A verified business is named as such
      When a caller looks up +886227208889
      Then the caller is identified as the verified business "Acme Bank Customer Service"

    @api
    Scenario: An unverified business is named but not vouched for
      When a caller looks up +886223456789
      Then the caller is identified as the unverified business "Sunrise Pizza"

    @ui @smoke
    Scenario: The web app names a verified business
      When a visitor looks up +886227208889 in the web app
      Then the result card names "Acme Bank Customer Service" as a verified business

  @REQ-102
  Rule: A listed person is named; any other number is unknown

    @api
    Scenario: A listed person is named
      When a caller looks up +886987654321
      Then the caller is identified as the person "Lin Wei"

    @api @smoke
    Scenario: A number nobody knows is unknown and clean
      Given a number nobody has reported
      When a caller looks up the number
      Then the caller is unknown
      And the spam level is none
      And the number has never been reported

  @REQ-103
  Rule: Only numbers in international format can be looked up

    @api @negative
    Scenario Outline: A number with <mistake> is refused
      When a caller looks up the text "<input>"
      Then the lookup is refused because the number is not in international format

      Examples:
        | mistake                         | input              |
        | no country code                 | 0912345678         |
        | spaces in it                    | +886 912 345 678   |
        | a country code starting with 0  | +0886912345678     |
        | more than fifteen digits        | +8869123456789012  |
        | letters                         | call-me-maybe      |

    @ui @negative
    Scenario: The web app explains the expected format
      When a visitor looks up the text "0912-345-678" in the web app
      Then the web app explains that the number must be in international format
