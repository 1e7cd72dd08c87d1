import Foundation

extension SiteConfig {
    /// The hosts of documentation examples (RFC 2606), and so of the shipped `archive.toml`.
    static let placeholderHosts = ["example.org", "example.com", "example.net"]

    /// `value` as the site's base URL, or an error naming `option` (`--base-url`; the config file's
    /// reader puts its own file and line in). One rule for the file and the command line: the
    /// address goes into every canonical link, the feed and the sitemap, so it must be an absolute
    /// http(s) URL with a host and nothing a browser would read differently: no spaces or control
    /// characters, no user name, no query, no fragment. Scheme and host are lower-cased and a
    /// final `/` added, so the site's URLs are written one way.
    public static func validateBaseURL(_ value: String, option: String = "--base-url") throws(Error) -> String {
        func invalid(_ reason: String) -> Error {
            Error(file: option, message: "\(reason), found \(value.debugDescription)")
        }
        if value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            throw invalid("must not contain spaces or control characters")
        }
        let absolute = "must be an absolute http or https URL such as https://example.org/reports/"
        guard let parts = URLComponents(string: value), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", value.dropFirst(scheme.count).hasPrefix("://") else {
            throw invalid(absolute)
        }
        guard let host = parts.host, !host.isEmpty else { throw invalid("has no host") }
        guard parts.user == nil, parts.password == nil else { throw invalid("must not contain a user name or password") }
        guard parts.query == nil else { throw invalid("must not have a query (?…)") }
        guard parts.fragment == nil else { throw invalid("must not have a fragment (#…)") }
        let rest = value.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        let url = scheme + "://" + authority.lowercased() + path
        return url.hasSuffix("/") ? url : url + "/"
    }

    /// True when `value` is still an example address (`example.org`, `.com`, `.net` or a
    /// subdomain), as in the shipped `archive.toml`: a site built with it links to someone else's.
    public static func isPlaceholderBaseURL(_ value: String) -> Bool {
        guard let host = URLComponents(string: value)?.host?.lowercased() else { return false }
        return placeholderHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}
