@box
Feature: api.box.show
  The documentation: "Shows the chatbox. Showing the chatbox will make it appear on the
  page. This will override settings such as Invisible Olark."

  Decisions where the documentation is silent:
  - Showing does not expand: a chatbox shown from hidden appears shrunk (launcher only).
  - Showing a chatbox that is already shown changes nothing and fires no api.box.onShow.

  Scenario: show makes a chatbox hidden by box.start_hidden appear
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the chatbox is hidden
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the chatbox is shown

  Scenario: show makes a chatbox hidden by api.box.hide appear again
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.hide');
      """
    Then the chatbox is hidden
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the chatbox is shown

  Scenario: show does not expand the chatbox
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the chatbox is shrunk

  Scenario: showing an already shown chatbox changes nothing
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function () {});
      """
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the chatbox is shrunk
    And the api.box.onShow callback did not fire

  Scenario: the documentation's "show the chatbox on error" example
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    When the page runs:
      """
      var errorOnPage = true;
      // If you have a script that returns error codes, show the Olark chatbox
      if (errorOnPage) {
          olark('api.box.show');
      }
      """
    Then the chatbox is shown
