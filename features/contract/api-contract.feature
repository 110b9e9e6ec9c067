@contract @api
Feature: The API behaves as its contract says
  As a team integrating with the caller-ID API
  I want every operation to answer as the OpenAPI contract describes
  So that clients generated from the contract just work

  @REQ-501 @smoke
  Rule: The service says whether it is up

    Scenario: The health check answers
      When I call "getHealth"
      Then the response status is 200
      And the response body matches:
        | path    | value |
        | status  | ok    |
        | version | 1.0.0 |

  @REQ-402
  Rule: A token is issued for a known account only

    Scenario: A token opens the account's own operations
      Given the request body:
        """
        {"username": "c{{$unique}}", "password": "{{$password}}"}
        """
      When I call "registerUser"
      Then the response status is 201
      Given the request body:
        """
        {"username": "c{{$unique}}", "password": "{{$password}}"}
        """
      When I call "issueToken"
      Then the response status is 200
      And the response body at "tokenType" is "Bearer"
      When I remember the response body at "accessToken" as "token"
      And the request header "Authorization" is "Bearer {{token}}"
      And the request parameters:
        | name     | value       |
        | username | c{{$unique}} |
      And I call "listBlockedNumbers"
      Then the response status is 200
      And the response body matches:
        | path  | value |
        | total | 0     |
        | items | []    |

    @negative
    Scenario: A token request without a password is malformed
      Given the request body:
        """
        {"username": "someone"}
        """
      When I call "issueToken"
      Then the response status is 400
      And the response body at "errors[0].field" is "password"

  @REQ-301 @negative
  Rule: Malformed block-list requests name what is wrong

    Background:
      Given the request body:
        """
        {"username": "b{{$unique}}", "password": "{{$password}}"}
        """
      And I call "registerUser"
      And the request body:
        """
        {"username": "b{{$unique}}", "password": "{{$password}}"}
        """
      And I call "issueToken"
      And I remember the response body at "accessToken" as "token"

    Scenario: Blocking a malformed number is refused
      Given the request header "Authorization" is "Bearer {{token}}"
      And the request parameters:
        | name     | value        |
        | username | b{{$unique}} |
      And the request body:
        """
        {"number": "call me"}
        """
      When I call "blockNumber"
      Then the response status is 400
      And the response body matches:
        | path             | value  |
        | status           | 400    |
        | errors[0].field  | number |
        | errors[0].in     | body   |

    Scenario: Unblocking a malformed number is refused
      Given the request header "Authorization" is "Bearer {{token}}"
      And the request parameters:
        | name     | value        |
        | username | b{{$unique}} |
        | number   | 12345        |
      When I call "unblockNumber"
      Then the response status is 400
      And the response body at "errors[0].field" is "number"

    Scenario: A body that is not JSON is refused as unsupported
      Given the request header "Authorization" is "Bearer {{token}}"
      And the request header "Content-Type" is "text/plain"
      And the request parameters:
        | name     | value        |
        | username | b{{$unique}} |
      And the request body:
        """
        "+886912345678"
        """
      When I call "blockNumber"
      Then the response status is 415
      And the response body at "status" is "415"
