@contract @api @REQ-114
Feature: Partners see how many lookups they made and have left
  As a partner app's product manager
  I want my usage dashboard to show the lookups we made and what is left of our limit
  So that our users never meet a refused lookup at the end of the month

  The dashboard signs in with the partner account's user name and password (`partnerBasic`, HTTP
  Basic: the harness encodes `user:password`). It asks in the reader's language, an
  `Accept-Language` header parameter, and for the period the dashboard shows, its
  `dashboard_period` cookie parameter.

  Background:
    Given the request body:
      """
      {"username": "u{{$unique}}", "password": "{{$password}}"}
      """
    And I call "registerUser"
    And the request body:
      """
      {"username": "u{{$unique}}", "password": "{{$password}}"}
      """
    And I call "issueToken"
    And I remember the response body at "accessToken" as "partner key"

  Rule: Every lookup counts towards the period the dashboard shows

    Scenario: A lookup made today, in the month's usage, in Traditional Chinese
      Given the request header "Cookie" is "partner_session={{partner key}}"
      And the request parameters:
        | number | +886955000111 |
      And I call "identifyForPartner"
      And I am authorized by "partnerBasic" with "u{{$unique}}:{{$password}}"
      And the request parameters:
        | Accept-Language  | zh-TW |
        | dashboard_period | month |
      When I call "getPartnerUsage"
      Then the response status is 200
      And the response header "Content-Language" is "zh-TW"
      And the response body matches:
        | path      | value                 |
        | partner   | u{{$unique}}          |
        | period    | month                 |
        | lookups   | 1                     |
        | remaining | #< 20000              |
        | summary   | #regex 本月查詢 1 次.+ |

    Scenario: No lookup yet: the whole day's limit is left
      Given I am authorized by "partnerBasic" with "u{{$unique}}:{{$password}}"
      When I call "getPartnerUsage"
      Then the response status is 200
      And the response body matches:
        | path      | value                            |
        | period    | day                              |
        | lookups   | 0                                |
        | remaining | #>= 1000                         |
        | summary   | 0 lookups this day, 1000 left    |

  @negative
  Rule: Wrong credentials and an unknown language are refused

    Scenario: A wrong password asks for HTTP Basic
      Given I am authorized by "partnerBasic" with "u{{$unique}}:not-the-password"
      When I call "getPartnerUsage"
      Then the response status is 401
      And the response header "WWW-Authenticate" is "#regex Basic realm=.+"

    Scenario: A language the dashboard does not have
      Given I am authorized by "partnerBasic" with "u{{$unique}}:{{$password}}"
      And the request parameters:
        | Accept-Language | fr |
      When I call "getPartnerUsage"
      Then the response status is 400
      And the response body at "errors" is "#[1]"
      And the response body at "errors[0]" is "#contains {\"in\": \"header\", \"field\": \"Accept-Language\"}"
