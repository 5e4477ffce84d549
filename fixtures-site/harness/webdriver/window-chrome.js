// Run by WebDriver's execute on any page (the harness shim may not be loaded): the
// window's frame around the viewport, so a viewport size can be turned into a window size.
return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];
