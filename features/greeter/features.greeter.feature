@greeter @operator
Feature: features.greeter
  The documentation: "Enable the Greeter on a specific page." Example:
  `olark.configure('features.greeter', true);`

  Decisions where the documentation is silent: features.greeter and
  WelcomeAssist.welcome_new_visitors each switch the Greeter on; the site's setting
  can switch it on and a page off.

  Background:
    Given an operator "Alice" is available

  Scenario: the page enables the Greeter
    Given the embed code configures:
      """
      olark.configure('features.greeter', true);
      olark.configure('WelcomeAssist.welcome_messages', ['Hello from the Greeter']);
      """
    When the visitor opens the page
    Then the chat shows the operator message "Hello from the Greeter" from "Alice"

  Scenario: the site's Greeter, switched off on one page
    Given the site's settings set "features.greeter" to "true"
    And the site's settings set "WelcomeAssist.welcome_messages" to '["Hello from the Greeter"]'
    And the embed code configures:
      """
      olark.configure('features.greeter', false);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chat shows 0 operator messages
