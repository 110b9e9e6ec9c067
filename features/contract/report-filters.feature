@contract @api @REQ-206
Feature: A number's reports can be listed for some categories only
  As a team integrating with the caller-ID API
  I want to ask for the reports of a number in the categories I care about
  So that a scam warning is not buried under telemarketing calls

  `categories` is an array query parameter (`style: form`, `explode: true`): each row of the
  parameters table for it, or a JSON array written as its value, is one item. `reportedAt` is a
  period (`style: deepObject`): a JSON object written as its value is sent as
  `reportedAt[from]=…&reportedAt[to]=…`.

  Rule: Only the reports in the categories and the period asked for are listed

    Scenario: Two rows for one parameter make an array
      Given the request parameters:
        | number     | +886227208889 |
        | categories | scam          |
        | categories | telemarketing |
      When I call "listNumberReports"
      Then the response status is 200
      And the response body at "totalItems" is "#>= 4"
      And every item at "items" matches:
        | path       | value                     |
        | category   | #regex scam\|telemarketing |
        | reportId   | #regex r_[0-9a-f]{16}     |
        | reportedAt | #date-time                |

    Scenario: A JSON array written as the value
      Given the request parameters:
        | name       | value         |
        | number     | +886227208889 |
        | categories | ["scam"]      |
      When I call "listNumberReports"
      Then the response status is 200
      And the response body at "items" is "#array"
      And the response body at "totalItems" is "#>= 1"
      And every item at "$.items" matches:
        | category | scam |

    Scenario: A period written as an object is sent as a deep object
      Given the request parameters:
        | number     | +886227208889                                                  |
        | reportedAt | {"from": "2026-03-02T00:00:00Z", "to": "2026-03-03T23:59:59Z"} |
      When I call "listNumberReports"
      Then the response status is 200
      And the response body at "totalItems" is "2"
      And every item at "items" matches:
        | path       | value                   |
        | category   | telemarketing           |
        | reportedAt | #regex 2026-03-0[23]T.+ |

    Scenario: A new report's location, read from its header
      Given the request body:
        """
        {"username": "f{{$unique}}", "password": "{{$password}}"}
        """
      And I call "registerUser"
      And the request body:
        """
        {"username": "f{{$unique}}", "password": "{{$password}}"}
        """
      And I call "issueToken"
      And I remember the response body at "accessToken" as "token"
      And I am authorized by "bearerAuth" with "{{token}}"
      And the request parameters:
        | username | f{{$unique}} |
      And the request body:
        """
        {"number": "+88695{{$uniqueDigits}}", "category": "harassment", "comment": "#1 of three calls today"}
        """
      When I call "reportNumber"
      Then the response status is 201
      And the response header "location" is "#regex /api/v1/users/f.+/reports/r_[0-9a-f]{16}"
      And the response header "X-Not-Sent" is "#notpresent"
      When I remember the response header "Location" as "where"
      And the request parameters:
        | number     | +88695{{$uniqueDigits}} |
        | categories | harassment              |
      And I call "listNumberReports"
      Then the response body contains:
        """
        {"items": [{"category": "harassment", "comment": "##1 of three calls today"}], "totalItems": 1}
        """
      And the response body at "items[0].reportId" is "#notnull"

  @negative
  Rule: A filter the API cannot read is refused, naming it

    Scenario: A category the API does not know
      Given the request parameters:
        | number     | +886227208889 |
        | categories | scam          |
        | categories | spoofing      |
      When I call "listNumberReports"
      Then the response status is 400
      And the response body at "errors[0].field" is "categories"

    Scenario: A period bound that is not a date-time
      Given the request parameters:
        | number     | +886227208889           |
        | reportedAt | {"from": "last Monday"} |
      When I call "listNumberReports"
      Then the response status is 400
      And the response body at "errors[0].field" is "reportedAt[from]"
