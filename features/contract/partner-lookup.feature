@contract @api @REQ-113
Feature: Partner apps look up numbers with their API key
  As a partner app showing caller ID in its own dialer
  I want to look numbers up with the API key or web session the contract names
  So that our users are warned without signing in to the caller-ID service

  The credentials are the contract's security schemes: `partnerKey` is an API key in the
  `api_key` query parameter, `partnerSession` a `partner_session` cookie. Either is the access
  token of the partner's account, never written here: a key in a feature would be in every report.

  Background:
    Given the request body:
      """
      {"username": "p{{$unique}}", "password": "{{$password}}"}
      """
    And I call "registerUser"
    And the request body:
      """
      {"username": "p{{$unique}}", "password": "{{$password}}"}
      """
    And I call "issueToken"
    And I remember the response body at "accessToken" as "partner key"

  Rule: A known key or session opens the lookup

    Scenario: The API key in the query
      Given I am authorized by "partnerKey" with "{{partner key}}"
      And the request parameters:
        | number | +886955000111 |
      When I call "identifyForPartner"
      Then the response status is 200
      And the response body matches:
        | path           | value          |
        | number         | +886955000111  |
        | spamLevel      | #string        |
        | reportCount    | #>= 5          |
        | displayName    | #present       |
        | categories     | #array         |
        | lastReportedAt | #date-time     |
        | business       | #notpresent    |
      And every item at "categories" matches:
        | path     | value     |
        | category | #string   |
        | count    | #integer  |
        | count    | #> 0      |

    Scenario: The web session cookie
      Given I am authorized by "partnerSession" with "{{partner key}}"
      And the request parameters:
        | name   | value         |
        | number | +886227208889 |
      When I call "identifyForPartner"
      Then the response status is 200
      And the response body contains:
        """
        {"number": "+886227208889", "categories": [{"category": "scam"}, {"category": "telemarketing", "count": "#>= 3"}]}
        """
      And the response body at "business.website" is "#uri"

    Scenario: A business number, each detail checked by its type
      Given I am authorized by "partnerKey" with "{{partner key}}"
      And the request parameters:
        | number | +886223456789 |
      When I call "identifyForPartner"
      Then the response status is 200
      And the response header "X-Request-Id" is "#uuid"
      And the response body matches:
        | path              | value    |
        | kind              | business |
        | business          | #object  |
        | business.verified | #boolean |
        | business.email    | #email   |
        | business.website  | #null    |
        | reportCount       | #number  |
        | reportCount       | #< 1     |
        | reportCount       | #<= 0    |
        | lastReportedAt    | #ignore  |

  @negative
  Rule: Without a known key or session the lookup is refused

    Scenario: No API key
      Given the request parameters:
        | number | +886955000111 |
      When I call "identifyForPartner"
      Then the response status is 401
      And the response body at "detail" is "#contains api_key"

    Scenario: A malformed number, with the key
      Given I am authorized by "partnerKey" with "{{partner key}}"
      And the request parameters:
        | number | 12345 |
      When I call "identifyForPartner"
      Then the response status is 400
      And the response body at "$.errors[0].field" is "number"
