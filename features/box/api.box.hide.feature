@box
Feature: api.box.hide
  The documentation: "Hides the chatbox. This box will make the chatbox disappear on the
  page, but operators will still be able to see visitors in their visitor list."

  Decisions where the documentation is silent:
  - Hiding keeps whether the chatbox was expanded: shown again, it comes back as it was.
  - Hiding fires api.box.onHide, never api.box.onShrink.
  - Hiding a chatbox that is already hidden changes nothing and fires no api.box.onHide.

  Scenario: hide makes a shown chatbox disappear
    Given the visitor is on a page with the widget
    And the chatbox is shown
    When the page runs:
      """
      olark('api.box.hide');
      """
    Then the chatbox is hidden
    And the launcher is not displayed

  Scenario: hide makes an expanded chatbox disappear entirely
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.expand');
      """
    And the chatbox is expanded
    When the page runs:
      """
      olark('api.box.hide');
      """
    Then the chatbox is hidden
    And the chatbox panel is not displayed

  Scenario: a hidden chatbox shown again is as expanded as it was
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.expand');
      olark('api.box.hide');
      """
    And the chatbox is hidden
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the chatbox is expanded

  Scenario: hiding an already hidden chatbox changes nothing
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onHide', function () {});
      """
    When the page runs:
      """
      olark('api.box.hide');
      """
    Then the chatbox is hidden
    And the api.box.onHide callback did not fire

  Scenario: the documentation's "hide the chatbox if not logged in" example
    Given the embed code ends with:
      """
      var user_logged_in = false;
      // Check to see if the user is logged in
      if (!user_logged_in) {
          // Hide the chat box
          olark('api.box.hide');
      }
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is hidden
