namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// The maintained list of user-agent substrings (case-insensitive) that mark crawlers, bots, link previewers,
/// monitoring agents and scripted clients. Sites add their own through
/// <c>Umbraco:Personalization:BotUserAgents</c>. Bots are never profiled, identified or counted.
/// </summary>
public static class KnownBots
{
    /// <summary>The built-in substrings.</summary>
    public static IReadOnlyList<string> UserAgentSubstrings { get; } =
    [
        // Generic markers (cover Googlebot, Bingbot, Applebot, DuckDuckBot, GPTBot, ClaudeBot, AhrefsBot, ...).
        "bot", "crawl", "spider", "slurp", "scraper", "archiver",

        // Search engines and AI crawlers whose user agent lacks a generic marker.
        "mediapartners-google", "adsbot", "baiduspider", "yandex", "sogou", "exabot", "bytespider",
        "petalsearch", "perplexity", "ccbot", "anthropic-ai", "cohere-ai", "google-extended",

        // Link previews and social cards.
        "facebookexternalhit", "facebookcatalog", "embedly", "quora link preview", "outbrain", "vkshare",
        "whatsapp/", "skypeuripreview", "slack-imgproxy", "slackbot",

        // Monitoring, audits and validators.
        "pingdom", "uptime", "statuscake", "site24x7", "newrelic", "datadog", "lighthouse", "pagespeed",
        "gtmetrix", "w3c_validator", "validator.nu", "checklink",

        // Headless browsers and scripted HTTP clients.
        "headlesschrome", "phantomjs", "selenium", "puppeteer", "playwright",
        "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "httpx", "go-http-client", "java/",
        "okhttp", "apache-httpclient", "axios/", "node-fetch", "undici", "libwww-perl", "scrapy", "postmanruntime",
        "insomnia", "httpie",
    ];
}
