"""Script-injection payloads, submitted through every field a trainer or visitor can fill.

A payload that runs either opens a dialog (alert) or sets `window.__xss`
(`parent.__xss` from a frame): the browser test fails on both. Every payload
fits the shortest text field it goes into (80 characters, the city).
"""

PAYLOADS = [
    # Script tags, plain and disguised.
    "<script>window.__xss=1</script>",
    "<script>alert('xss')</script>",
    "<ScRiPt>window.__xss=1</sCrIpT>",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "<<script>script>window.__xss=1<</script>/script>",
    "<script src=data:,window.__xss=1></script>",
    # Breaking out of an attribute, a title, a JSON-LD block, a comment.
    '"><script>window.__xss=1</script>',
    "'><script>window.__xss=1</script>",
    '" onmouseover="window.__xss=1" x="',
    "' autofocus onfocus='window.__xss=1' x='",
    '" autofocus onfocus="window.__xss=1',
    "</title><script>window.__xss=1</script>",
    "</script><script>window.__xss=1</script>",
    "--></script><script>window.__xss=1</script><!--",
    "</textarea><script>window.__xss=1</script>",
    # Event handlers.
    "<img src=x onerror=window.__xss=1>",
    '<img src="x" onerror="alert(1)">',
    "<body onload=window.__xss=1>",
    "<details open ontoggle=window.__xss=1>",
    "<input autofocus onfocus=window.__xss=1>",
    "<video><source onerror=window.__xss=1></video>",
    # SVG and MathML (including mutation XSS).
    "<svg onload=window.__xss=1>",
    "<svg><script>window.__xss=1</script></svg>",
    "<svg><a xlink:href=javascript:window.__xss=1><text y=9>x</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
    # javascript: and data: URLs in links, frames, objects, forms.
    '<a href="javascript:window.__xss=1">x</a>',
    '<a href=" JaVaScRiPt:window.__xss=1">x</a>',
    '<a href="jav&#x09;ascript:window.__xss=1">x</a>',
    '<iframe src="javascript:parent.__xss=1"></iframe>',
    '<iframe srcdoc="<script>parent.__xss=1</script>">',
    '<object data="javascript:window.__xss=1"></object>',
    '<embed src="data:text/html,<script>parent.__xss=1</script>">',
    '<form action="javascript:window.__xss=1"><button>x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
    '<base href="javascript:window.__xss=1//">',
    "javascript:window.__xss=1",
    # Markdown link and image tricks (description, bio).
    "[x](javascript:window.__xss=1)",
    "[x](JaVaScRiPt:window.__xss=1)",
    "[x](javascript&#58;window.__xss=1)",
    "[x](<javascript:window.__xss=1>)",
    '![x](x" onerror="window.__xss=1)',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    # Encoded variants.
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
    "\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e",
    "&#60;img src=x onerror=window.__xss=1&#62;",
    # Template-injection-ish strings (Django, Jinja, Angular, JS template literals).
    "{{ 7|add:7 }}{% debug %}{{ request.META }}",
    "{{constructor.constructor('window.__xss=1')()}}",
    "${window.__xss=1}",
]
