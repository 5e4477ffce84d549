@attention_grabber @operator
Feature: CalloutBubble.bubble_image_url
  The documentation ("Online Attention Grabber image"): the image the Attention Grabber
  shows while operators are available, e.g.
  `olark.configure('CalloutBubble.bubble_image_url', 'https://…/image.png');`

  Scenario: the online image while an operator is available
    Given an operator "Alice" is available
    And the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.bubble_image_url', '/images/grabber-online.svg');
      olark.configure('CalloutBubble.bubble_image_url_offline', '/images/grabber-offline.svg');
      """
    And the visitor is on a page with the widget
    Then the attention grabber shows the image "/images/grabber-online.svg"

  Scenario: it switches to the online image when an operator comes back
    Given an operator "Alice" is away
    And the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.bubble_image_url', '/images/grabber-online.svg');
      olark.configure('CalloutBubble.bubble_image_url_offline', '/images/grabber-offline.svg');
      """
    And the visitor is on a page with the widget
    And the attention grabber shows the image "/images/grabber-offline.svg"
    When operator "Alice" comes online
    Then the attention grabber shows the image "/images/grabber-online.svg"

  Scenario: the site's settings provide the image
    Given an operator "Alice" is available
    And the site's settings set "features.attention_grabber" to "true"
    And the site's settings set "CalloutBubble.bubble_image_url" to '"/images/grabber-online.svg"'
    And the visitor is on a page with the widget
    Then the attention grabber shows the image "/images/grabber-online.svg"
