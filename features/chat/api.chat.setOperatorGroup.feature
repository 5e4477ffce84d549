@chat @operator
Feature: api.chat.setOperatorGroup
  The documentation: "Locks the visitor to a specific group of operators. All messages
  from the visitor will now go to that group of operators instead of all operators."
  Arguments: `options.group`, the Group ID. Example: a "Talk to our Sales Team" button
  locks to the sales group and expands the chatbox.

  Decisions where the documentation is silent: operator availability follows the group
  (api.chat.onOperatorsAvailable/Away fire if locking to the group changes it).

  Scenario: after locking to a group, messages reach only that group's operators
    Given an operator "Sam" of group "sales" is available
    And an operator "Sue" of group "support" is available
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.setOperatorGroup', { group: 'sales' });
      olark('api.box.expand');
      """
    Then the visitor's messages reach the group "sales"
    When the visitor sends "I'd like a quote"
    Then operator "Sam" received "I'd like a quote"
    And operator "Sue" did not receive "I'd like a quote"

  Scenario: the documentation's "talk to sales" button
    Given an operator "Sam" of group "abcdef123456" is available
    And an operator "Sue" of group "support" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      var button = document.createElement('a');
      button.id = 'talk-to-sales';
      button.href = 'javascript:void(0)';
      button.textContent = 'Talk to our Sales Team';
      document.body.appendChild(button);
      document.getElementById('talk-to-sales').onclick = function() {
          olark('api.chat.setOperatorGroup', {
              group: 'abcdef123456'
          });
          olark('api.box.expand');
      }
      """
    When the visitor clicks the link "Talk to our Sales Team"
    Then the chatbox is expanded
    And the visitor's messages reach the group "abcdef123456"

  Scenario: locking to a group with no operator online makes operators away
    Given an operator "Sam" of group "sales" is away
    And an operator "Sue" of group "support" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onOperatorsAway', function () {});
      """
    When the page runs:
      """
      olark('api.chat.setOperatorGroup', { group: 'sales' });
      """
    Then the api.chat.onOperatorsAway callback fired once

  Scenario: a missing group is reported and ignored
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.setOperatorGroup', {});
      """
    Then the console shows a warning containing "api.chat.setOperatorGroup"
    And the page raised no errors
