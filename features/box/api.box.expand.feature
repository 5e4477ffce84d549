@box
Feature: api.box.expand
  The documentation: "Expands the chatbox to its fully expanded height. It will also
  show the chatbox if not already visible, in the same way as api.box.show."
  Its example is a click-to-chat link: `onclick="olark('api.box.expand')"`.

  Decisions where the documentation is silent:
  - Expanding a hidden chatbox is a show followed by an expand: api.box.onShow fires,
    then api.box.onExpand.
  - Expanding an already expanded chatbox changes nothing and fires no api.box.onExpand.

  Scenario: expand opens a shrunk chatbox
    Given the visitor is on a page with the widget
    And the chatbox is shrunk
    When the page runs:
      """
      olark('api.box.expand');
      """
    Then the chatbox is expanded

  Scenario: expand also shows a hidden chatbox
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the chatbox is hidden
    When the page runs:
      """
      olark('api.box.expand');
      """
    Then the chatbox is expanded

  Scenario: expanding a hidden chatbox shows it the way api.box.show does, then expands it
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function () {});
      olark('api.box.onExpand', function () {});
      """
    When the page runs:
      """
      olark('api.box.expand');
      """
    Then the callbacks fired in this order:
      """
      api.box.onShow
      api.box.onExpand
      """

  Scenario: expanding an already expanded chatbox changes nothing
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.expand');
      olark('api.box.onExpand', function () {});
      """
    When the page runs:
      """
      olark('api.box.expand');
      """
    Then the chatbox is expanded
    And the api.box.onExpand callback did not fire

  Scenario: the documentation's click-to-chat link
    Given the visitor opens the "click-to-chat" page
    And the widget is ready
    When the visitor clicks the link "Click here to chat!"
    Then the chatbox is expanded
