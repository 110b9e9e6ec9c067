@contract @api @REQ-205
Feature: The SMS gateway forwards spam reports in the forms the contract declares
  As the team running the SMS short code
  I want the gateway's forms, XML documents and plain SMS texts to be taken as reports
  So that people without the app can still report a number

  The gateway sends what the carrier gives it: `reportBySms` declares a urlencoded form, a
  multipart form (with a screenshot), an `<sms>` XML document, and the SMS text itself as text or
  as raw bytes. Each body is checked against the schema of its media type, a form and an XML
  document as the object they encode.

  Rule: A keyword and a number make a queued report

    Scenario: A urlencoded form, written without a heading
      Given the request form:
        | from     | +886912000001 |
        | keyword  | SCAM          |
        | number   | +886955000111 |
        | attempts | 3             |
      When I call "reportBySms"
      Then the response status is 202
      And the response header "Content-Type" is "#regex application/json.*"
      And the response body matches:
        | path       | value         |
        | $.number   | +886955000111 |
        | $.category | scam          |
        | $.status   | queued        |
        | screenshot | false         |

    Scenario: A multipart form with a screenshot
      Given the request form:
        | name       | value                      |
        | from       | +886912000002              |
        | keyword    | ROBOCALL                   |
        | number     | +886955000222              |
        | screenshot | @file:files/screenshot.png |
      When I call "reportBySms"
      Then the response status is 202
      And the response body contains:
        """
        {"category": "robocall", "screenshot": true, "number": "#regex \\+886\\d+"}
        """

    Scenario: The SMS text itself
      Given the request body as "text/plain":
        """
        FRAUD +886955000333
        """
      When I call "reportBySms"
      Then the response status is 202
      And the response body at "category" is "fraud"
      And the response body at "screenshot" is "#notpresent"

    Scenario: An XML document from the carrier's older gateway
      Given the request body as "application/xml":
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <sms>
          <from>+886912000004</from>
          <keyword>SPAM</keyword>
          <number>+886955000444</number>
          <attempts>2</attempts>
        </sms>
        """
      When I call "reportBySms"
      Then the response status is 202
      And the response body matches:
        | path       | value         |
        | number     | +886955000444 |
        | category   | telemarketing |
        | screenshot | false         |

    Scenario: The raw bytes the carrier received
      Given the request body as "application/octet-stream":
        """
        ROBOCALL +886955000555
        """
      When I call "reportBySms"
      Then the response status is 202
      And the response body at "category" is "robocall"
      And the response body at "number" is "+886955000555"

  @negative
  Rule: An unknown keyword is refused, naming the field

    Scenario: A keyword the short code does not know
      Given the request form:
        | from    | +886912000003 |
        | keyword | HELLO         |
        | number  | +886955000111 |
      When I call "reportBySms"
      Then the response status is 400
      And the response header "Content-Type" is "#regex application/problem\+json.*"
      And the response body at "errors" is "#[1]"
      And the response body at "errors" is "#contains {\"field\": \"keyword\"}"
