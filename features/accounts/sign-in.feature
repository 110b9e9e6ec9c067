Feature: Create an account and sign in
  As someone who wants to report numbers and keep a block list
  I want an account that only I can sign in to
  So that my reports and my block list are mine

  @REQ-401
  Rule: Anyone can create an account with a free username and a password of 8 characters or more

    @api @smoke
    Scenario: Creating an account
      When Carol creates an account
      Then the account is created

    @api
    Scenario: A username that is taken is refused
      Given Alice has an account
      When someone else creates an account with Alice's username
      Then the account is refused because the username is taken

    @api @negative
    Scenario: A password of 7 characters is refused
      When Carol creates an account with a password of 7 characters
      Then the account is refused because its password is invalid

    @api @negative
    Scenario: A username with capitals and spaces is refused
      When someone creates an account named "Carol Smith"
      Then the account is refused because its username is invalid

    @ui
    Scenario: Creating an account in the web app signs you in
      When Erin creates an account in the web app
      Then the web app shows Erin as signed in

  @REQ-402
  Rule: The right password gives an access token for an hour; anything else is refused alike

    @api @smoke @critical
    Scenario: Signing in with the right password
      Given Alice has an account
      When Alice signs in with the right password
      Then Alice receives an access token valid for 1 hour

    @api @critical
    Scenario: A wrong password is refused
      Given Alice has an account
      When Alice signs in with a wrong password
      Then the sign-in is refused without saying what was wrong

    @api
    Scenario: An unknown username is refused the same way
      When Dave signs in without having an account
      Then the sign-in is refused without saying what was wrong

    @ui @smoke @critical
    Scenario: Signing in to the web app
      Given Alice has an account
      When Alice signs in to the web app
      Then the web app shows Alice as signed in

    @ui
    Scenario: The web app refuses a wrong password
      Given Alice has an account
      When Alice signs in to the web app with a wrong password
      Then the web app says the username or password is wrong
      And the web app shows nobody signed in
