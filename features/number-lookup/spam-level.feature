Feature: Warn about spam and fraud
  As someone whose phone is ringing
  I want to see how risky the number is, judged from other people's reports
  So that I do not fall for nuisance calls and scams

  Only active reports count: a withdrawn report no longer does.

  @REQ-110
  Rule: The spam level grows with the number of reports

    @api @critical
    Scenario Outline: <reports> telemarketing report(s) make a number <level>
      Given a number that has been reported <reports> times as telemarketing
      When a caller looks up the number
      Then the spam level is <level>
      And the report count is <reports>

      Examples:
        | reports | level      |
        | 0       | none       |
        | 1       | suspicious |
        | 2       | suspicious |
        | 3       | spam       |
        | 4       | spam       |

    @ui @smoke
    Scenario Outline: The result card in the web app shows <level> after <reports> reports
      Given a number that has been reported <reports> times as telemarketing
      When a visitor looks up the number in the web app
      Then the result card shows the spam level <level>
      And the result card shows <reports> reports

      Examples:
        | reports | level      |
        | 2       | suspicious |
        | 3       | spam       |

  @REQ-111
  Rule: Three or more scam or fraud reports make a number fraud

    @api @critical
    Scenario Outline: <scam> scam, <fraud> fraud and <telemarketing> telemarketing reports make a number <level>
      Given a number with these reports:
        | category      | reports         |
        | scam          | <scam>          |
        | fraud         | <fraud>         |
        | telemarketing | <telemarketing> |
      When a caller looks up the number
      Then the spam level is <level>

      Examples:
        | scam | fraud | telemarketing | level      |
        | 3    | 0     | 0             | fraud      |
        | 2    | 1     | 0             | fraud      |
        | 2    | 0     | 1             | spam       |
        | 1    | 1     | 5             | spam       |
        | 0    | 2     | 0             | suspicious |

    @ui @critical
    Scenario: The web app warns not to share codes or send money
      Given a number that has been reported 3 times as scam
      When a visitor looks up the number in the web app
      Then the result card shows the spam level fraud
      And the result card warns about fraud

  @REQ-112
  Rule: A verified business is never labelled spam or fraud, but its reports still count

    @api
    Scenario: More scam reports leave a verified business suspicious
      Given a caller has looked up +886227208889
      When 3 more people report +886227208889 as scam
      And a caller looks up +886227208889
      Then the spam level is suspicious
      And the report count went up by 3

    @api
    Scenario: An unverified business is judged like any other number
      When a caller looks up +886287654321
      Then the caller is identified as the unverified business "FastLoans Ltd"
      And the spam level is spam
