@attention_grabber @operator
Feature: CalloutBubble.bubble_image_url_offline
  The documentation ("Offline Attention Grabber image"): the image the Attention Grabber
  shows while all operators are away.

  Scenario: the offline image while all operators are away
    Given an operator "Alice" is away
    And the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.bubble_image_url', '/images/grabber-online.svg');
      olark.configure('CalloutBubble.bubble_image_url_offline', '/images/grabber-offline.svg');
      """
    And the visitor is on a page with the widget
    Then the attention grabber shows the image "/images/grabber-offline.svg"

  Scenario: it switches to the offline image when the last operator goes away
    Given an operator "Alice" is available
    And the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.bubble_image_url', '/images/grabber-online.svg');
      olark.configure('CalloutBubble.bubble_image_url_offline', '/images/grabber-offline.svg');
      """
    And the visitor is on a page with the widget
    And the attention grabber shows the image "/images/grabber-online.svg"
    When operator "Alice" goes away
    Then the attention grabber shows the image "/images/grabber-offline.svg"
