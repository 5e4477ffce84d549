@greeter @operator
Feature: WelcomeAssist.welcome_messages
  The documentation: "Set the welcome messages to send to the visitors when the Greeter
  function activates. If you have more than 1 message enabled in the call, we will choose
  a random one to send to the visitor". Example:
  `olark.configure('WelcomeAssist.welcome_messages', ['hello world', 'another message!', 'a 3rd message!']);`

  Decisions where the documentation is silent: "random" is the page's Math.random, so a
  run with seeded random numbers greets the same way every time.

  Background:
    Given an operator "Alice" is available
    And the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_new_visitors', true);
      olark.configure('WelcomeAssist.welcome_messages', ['hello world', 'another message!', 'a 3rd message!']);
      """

  Scenario: the greeting is one of the configured messages
    When the visitor opens the page
    Then the chat shows one of these operator messages from "Alice":
      """
      hello world
      another message!
      a 3rd message!
      """

  Scenario: with the same random numbers, a new visitor gets the same greeting
    Given the page's random numbers are seeded with 20261125
    And the visitor is on a page with the widget
    And the chat shows 1 operator message
    And the visitor notes the last operator message
    When the visitor comes back as a new visitor
    Then the chat shows 1 operator message
    And the last operator message is the one noted
