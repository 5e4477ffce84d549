@attention_grabber
Feature: CalloutBubble.bubble_width
  The documentation ("Attention Grabber image width"): the width, in pixels, the
  Attention Grabber image is shown at.

  Decisions where the documentation is silent: a number or a numeric string.

  Scenario: the image is shown at the configured width
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.bubble_image_url', '/images/grabber-online.svg');
      olark.configure('CalloutBubble.bubble_image_url_offline', '/images/grabber-online.svg');
      olark.configure('CalloutBubble.bubble_width', 180);
      olark.configure('CalloutBubble.bubble_height', 80);
      """
    And the visitor is on a page with the widget
    Then the attention grabber is 180 by 80 pixels

  Scenario: a numeric string works too
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.bubble_image_url_offline', '/images/grabber-offline.svg');
      olark.configure('CalloutBubble.bubble_width', '240');
      olark.configure('CalloutBubble.bubble_height', '100');
      """
    And the visitor is on a page with the widget
    Then the attention grabber is 240 by 100 pixels
