@box
Feature: api.box.shrink
  The documentation: "Minimizes the chatbox. Opposite of api.box.expand." Its example is
  a click-to-minimize link: `onclick="olark('api.box.shrink')"`.

  Decisions where the documentation is silent:
  - A minimized chatbox stays on the page: its launcher is displayed, its panel is not.
  - Shrinking a chatbox that is not expanded changes nothing and fires no api.box.onShrink.

  Scenario: shrink minimizes an expanded chatbox
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.expand');
      """
    And the chatbox is expanded
    When the page runs:
      """
      olark('api.box.shrink');
      """
    Then the chatbox is shrunk
    And the launcher is displayed

  Scenario: shrinking a chatbox that is already minimized changes nothing
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShrink', function () {});
      """
    When the page runs:
      """
      olark('api.box.shrink');
      """
    Then the chatbox is shrunk
    And the api.box.onShrink callback did not fire

  Scenario: shrink does not hide the chatbox
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onHide', function () {});
      olark('api.box.expand');
      """
    When the page runs:
      """
      olark('api.box.shrink');
      """
    Then the chatbox is shown
    And the api.box.onHide callback did not fire

  Scenario: the documentation's click-to-minimize link
    Given the visitor opens the "click-to-chat" page
    And the widget is ready
    And the visitor clicks the link "Click here to chat!"
    And the chatbox is expanded
    When the visitor clicks the link "Minimize chat"
    Then the chatbox is shrunk
