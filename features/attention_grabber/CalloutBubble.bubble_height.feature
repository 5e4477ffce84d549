@attention_grabber
Feature: CalloutBubble.bubble_height
  The documentation ("Attention Grabber image height"): the height, in pixels, the
  Attention Grabber image is shown at.

  Scenario: the image is shown at the configured height
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.bubble_image_url_offline', '/images/grabber-offline.svg');
      olark.configure('CalloutBubble.bubble_width', 220);
      olark.configure('CalloutBubble.bubble_height', 60);
      """
    And the visitor is on a page with the widget
    Then the attention grabber is 220 by 60 pixels
