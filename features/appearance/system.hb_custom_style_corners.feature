@appearance
Feature: system.hb_custom_style_corners
  The documentation ("Change the Border Radius"): "We have two options that allow you to
  have 'soft' or 'hard' corners for the chatbox. By default the chatbox will have soft
  corners." It is `general.corners` of `system.hb_custom_style`.

  Scenario: soft corners by default
    Given the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel has rounded corners

  Scenario: hard corners
    Given the embed code configures:
      """
      olark.configure('system.hb_custom_style', {
        general: {
          fonts: [''],
          corners: 'hard',
          secondaryColor: ''
        }
      });
      """
    And the visitor is on a page with the widget
    Then the launcher has square corners
    When the visitor clicks the launcher
    Then the chatbox panel has square corners

  Scenario: soft corners when asked for
    Given the embed code configures:
      """
      olark.configure('system.hb_custom_style', { general: { fonts: [''], corners: 'soft', secondaryColor: '' } });
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel has rounded corners

  Scenario: an unknown corner style is ignored with a warning
    Given the embed code configures:
      """
      olark.configure('system.hb_custom_style', { general: { fonts: [''], corners: 'round', secondaryColor: '' } });
      """
    And the visitor is on a page with the widget
    Then the console shows a warning containing "corners"
    When the visitor clicks the launcher
    Then the chatbox panel has rounded corners
