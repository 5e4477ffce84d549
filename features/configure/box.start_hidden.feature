@configure
Feature: box.start_hidden
  The documentation: "You would use box.start_hidden when you don't want the chatbox to
  show at all when the page loads. If you used api.box.hide to hide the chatbox when the
  page loads, a visitor might see the chatbox appear briefly, before the API call was read."
  The example: `olark.configure('box.start_hidden', true);`, placed before olark.identify.

  Decisions where the documentation is silent: "not at all" means the chatbox is never
  displayed, not even for one frame, until the page shows it; starting hidden fires no
  api.box.onHide.

  Scenario: the chatbox is never displayed when the page loads
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is hidden
    And the chatbox was never displayed

  Scenario: a chatbox that starts hidden can be shown by the page
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

  Scenario: without box.start_hidden the chatbox is shown at load
    Given the visitor opens the page
    Then the widget becomes ready
    And the chatbox is shrunk

  Scenario: box.start_hidden set to false shows the chatbox at load
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', false);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is shown
