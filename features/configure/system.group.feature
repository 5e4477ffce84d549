@configure @operator
Feature: system.group
  The documentation: "Set the group before the chatbox loads. [...] This differs from the
  setOperatorGroup API call in that it can only be done before the chatbox loads. To set
  the operator group after the chatbox has loaded, use setOperatorGroup instead."
  The example: `olark.configure('system.group', string);`

  Decisions where the documentation is silent: a system.group configured after the widget
  has loaded is reported on the console and has no effect.

  Scenario: messages reach only the configured group
    Given an operator "Sam" of group "sales" is available
    And an operator "Sue" of group "support" is available
    And the embed code configures:
      """
      olark.configure('system.group', 'sales');
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor sends "Pricing question"
    Then operator "Sam" received "Pricing question"
    And operator "Sue" did not receive "Pricing question"

  Scenario: availability follows the configured group
    Given an operator "Sam" of group "sales" is away
    And an operator "Sue" of group "support" is available
    And the embed code configures:
      """
      olark.configure('system.group', 'sales');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the offline form is displayed

  Scenario: without system.group messages reach every operator
    Given an operator "Sam" of group "sales" is available
    And an operator "Ann" is available
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor sends "Hello"
    Then operator "Ann" received "Hello"
