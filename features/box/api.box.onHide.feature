@box
Feature: api.box.onHide
  The documentation: "Whenever the chatbox is hidden, the given callback function will be
  triggered."

  Decisions where the documentation is silent: the callback fires once per real change
  from shown to hidden; minimizing is not hiding.

  Scenario: onHide fires when the chatbox is hidden
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onHide', function () {});
      """
    When the page runs:
      """
      olark('api.box.hide');
      """
    Then the api.box.onHide callback fired once

  Scenario: onHide does not fire again when the chatbox is hidden twice
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onHide', function () {});
      """
    When the page runs:
      """
      olark('api.box.hide');
      olark('api.box.hide');
      """
    Then the api.box.onHide callback fired once

  Scenario: onHide does not fire when the chatbox is minimized
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onHide', function () {});
      olark('api.box.expand');
      """
    When the visitor clicks the minimize button
    Then the chatbox is shrunk
    And the api.box.onHide callback did not fire

  Scenario: onHide does not fire for a chatbox that starts hidden
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      olark('api.box.onHide', function () {});
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the api.box.onHide callback did not fire

  Scenario: the documentation's example, nested in onBeginConversation, registers without firing
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.onBeginConversation', function(){
          olark('api.box.onHide', function() {
              olark('api.chat.sendNotificationToOperator', {body: "Visitor hid the chatbox"})
          });
      });
      """
    Then the api.box.onHide callback did not fire
    And the page raised no errors
