/// The live-reload channel's wire format and the script every served HTML page gets.
enum LiveReload {
    /// Where pages listen for events.
    static let path = "/__livereload"

    /// Connects to the event stream; reloads on `reload`; on `build-failed` shows the message over the page
    /// (set with textContent, so nothing in it is ever parsed as HTML); `build-ok` removes the overlay.
    /// The browser's EventSource reconnects by itself when the server restarts.
    ///
    /// Automated browsers are left out: to headless Chrome (`--virtual-time-budget`, `--dump-dom`) and to
    /// "network idle" waits a stream that never ends is a page that never finishes loading, so they would hang.
    static let script = """
    <script data-archive-serve>
    (function () {
      if (!window.EventSource || navigator.webdriver || /Headless/.test(navigator.userAgent)) return;
      var id = 'archive-serve-build-error';
      var source = new EventSource('/__livereload');
      source.addEventListener('reload', function () { location.reload(); });
      source.addEventListener('build-failed', function (event) {
        var panel = document.getElementById(id);
        if (!panel) {
          panel = document.createElement('div');
          panel.id = id;
          panel.setAttribute('role', 'alert');
          panel.style.cssText = 'position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483647;max-height:60vh;overflow:auto;' +
            'margin:0;padding:1rem 1.25rem;background:#1e1e1e;color:#f2f2f2;border-left:4px solid #e5484d;border-radius:6px;' +
            'box-shadow:0 4px 24px rgba(0,0,0,.45);font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left';
          var title = document.createElement('div');
          title.style.cssText = 'font-weight:bold;color:#ff8c8c;margin-bottom:.5rem';
          title.textContent = 'Build failed \\u2014 showing the last good site. Fix the error and save to rebuild.';
          var message = document.createElement('pre');
          message.style.cssText = 'margin:0;white-space:pre-wrap;word-break:break-word;font:inherit;color:inherit;background:none';
          panel.appendChild(title);
          panel.appendChild(message);
          (document.body || document.documentElement).appendChild(panel);
        }
        panel.lastChild.textContent = event.data;
      });
      source.addEventListener('build-ok', function () {
        var panel = document.getElementById(id);
        if (panel) panel.parentNode.removeChild(panel);
      });
    })();
    </script>

    """

    private static let scriptBytes = Array(script.utf8)

    /// `html` with the script inserted before the last `</body>` (any case), or appended when there is none.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let needle = Array("</body".utf8)
        var result = html
        if let at = lastIndexCaseInsensitive(of: needle, in: html) {
            result.insert(contentsOf: scriptBytes, at: at)
        } else {
            result.append(contentsOf: scriptBytes)
        }
        return result
    }

    private static func lastIndexCaseInsensitive(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte | 0x20 : byte }
        var start = haystack.count - needle.count
        while start >= 0 {
            var matched = true
            for offset in 0..<needle.count where lower(haystack[start + offset]) != needle[offset] {
                matched = false
                break
            }
            if matched { return start }
            start -= 1
        }
        return nil
    }

    // MARK: Server-sent events

    /// Sent first: how long the browser waits before reconnecting, and a comment that flushes the headers.
    static let opening = "retry: 1000\n: connected\n\n"
    /// Keeps proxies and idle timeouts from closing a quiet connection.
    static let heartbeat = ": heartbeat\n\n"

    /// One event in the `text/event-stream` format. Every event carries data: EventSource drops events without any.
    static func encode(_ event: ReloadEvent) -> String {
        switch event {
        case .reload:
            return "event: reload\ndata: reload\n\n"
        case .buildSucceeded:
            return "event: build-ok\ndata: ok\n\n"
        case .buildFailed(let message):
            let normalized = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
            while let last = lines.last, last.allSatisfy(\.isWhitespace), lines.count > 1 { lines.removeLast() }
            if lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { lines = ["build failed"] }
            return "event: build-failed\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
        }
    }
}
