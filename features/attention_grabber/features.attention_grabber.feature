@attention_grabber
Feature: features.attention_grabber
  The documentation: "You can enable the Attention Grabber on a page by page basis using
  this API call." Example: on a checkout page,
  `olark.configure('features.attention_grabber', true);`. And (box.start_expanded): "when
  the chatbox is expanded, Attention Grabber images are hidden."

  Decisions where the documentation is silent: off unless the site's settings or the page
  turn it on; shown while the chatbox is minimized; hidden while it is expanded or hidden.

  Scenario: no Attention Grabber by default
    Given the visitor is on a page with the widget
    Then the attention grabber is not displayed

  Scenario: the page turns it on
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      """
    And the visitor is on a page with the widget
    Then the attention grabber is displayed

  Scenario: the documentation's checkout-page example
    Given the embed code configures:
      """
      // Check if the page URL contains 'checkout'
      if (window.location.href.indexOf("checkout") >= 0) {
          // Enable the Attention Grabber
          olark.configure('features.attention_grabber', true);
      }
      """
    And the visitor opens the page with the query "step=checkout"
    And the widget is ready
    Then the attention grabber is displayed

  Scenario: the site's setting turns it on and a page turns it off
    Given the site's settings set "features.attention_grabber" to "true"
    And the embed code configures:
      """
      olark.configure('features.attention_grabber', false);
      """
    And the visitor is on a page with the widget
    Then the attention grabber is not displayed

  Scenario: hidden while the chatbox is expanded, back when minimized
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      """
    And the visitor is on a page with the widget
    And the attention grabber is displayed
    When the visitor clicks the launcher
    Then the attention grabber is not displayed
    When the visitor clicks the minimize button
    Then the attention grabber is displayed

  Scenario: hidden with the chatbox
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      """
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.hide');
      """
    Then the attention grabber is not displayed
