@configure @appearance
Feature: box.inline
  The documentation ("Load chatbox in DOM element"): "Instead of having the Olark chat
  window fixed to the bottom corner of your page, Olark will instead search your page for
  an element with the ID olark-box-container and load the chatbox there instead."

  Decisions where the documentation is silent: an inline chatbox is open (its panel is
  displayed) inside the container; without the container the chatbox stays in its corner
  and the console says why.

  Scenario: the chatbox renders inside #olark-box-container
    Given the embed code configures:
      """
      olark.configure('box.inline', true);
      """
    When the visitor opens the "inline" page
    Then the widget becomes ready
    And the chatbox panel is inside the page's "#olark-box-container" element

  Scenario: without box.inline the chatbox stays in the corner
    Given the visitor opens the "inline" page
    And the widget is ready
    Then the launcher is in the right half of the viewport
    And the launcher floats at least 8px above the bottom edge of the viewport

  Scenario: without a container the chatbox stays in the corner and says why
    Given the embed code configures:
      """
      olark.configure('box.inline', true);
      """
    And the visitor is on a page with the widget
    Then the console shows a warning containing "box.inline"
    And the chatbox is shown
