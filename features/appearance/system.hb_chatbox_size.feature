@appearance
Feature: system.hb_chatbox_size
  The documentation: "The chatbox can be configured to appear in one of three different
  sizes: small, medium, or large. By default, it uses the medium size. Changing the size
  of the chatbox will also modify the size of the chat button." Values 'sm', 'md', 'lg';
  the experimental 'dr' is a full-height side drawer.

  Decisions where the documentation is silent: sizes are compared with the medium default
  (both width and height); an unknown size is ignored with a console warning.

  Scenario: small is smaller than the default, and so is its button
    Given the visitor is on a page with the widget
    And the visitor notes the size of the launcher
    And the visitor clicks the launcher
    And the visitor notes the size of the chatbox panel
    When the site's settings set "system.hb_chatbox_size" to '"sm"'
    And the visitor reloads the page
    Then the launcher is smaller than noted
    When the visitor clicks the launcher
    Then the chatbox panel is smaller than noted

  Scenario: large is larger than the default, and so is its button
    Given the visitor is on a page with the widget
    And the visitor notes the size of the launcher
    And the visitor clicks the launcher
    And the visitor notes the size of the chatbox panel
    When the site's settings set "system.hb_chatbox_size" to '"lg"'
    And the visitor reloads the page
    Then the launcher is larger than noted
    When the visitor clicks the launcher
    Then the chatbox panel is larger than noted

  Scenario: the page's size overrides the site's
    Given the site's settings set "system.hb_chatbox_size" to '"lg"'
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the visitor notes the size of the chatbox panel
    When the embed code configures:
      """
      olark.configure('system.hb_chatbox_size', 'sm');
      """
    And the visitor reloads the page
    And the visitor clicks the launcher
    Then the chatbox panel is smaller than noted

  Scenario: the side drawer spans the viewport's height
    Given the embed code configures:
      """
      olark.configure('system.hb_chatbox_size', 'dr');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel spans the viewport's height
    And the chatbox panel is in the right half of the viewport

  Scenario: an unknown size is ignored with a warning
    Given the embed code configures:
      """
      olark.configure('system.hb_chatbox_size', 'xl');
      """
    And the visitor is on a page with the widget
    Then the console shows a warning containing "system.hb_chatbox_size"
