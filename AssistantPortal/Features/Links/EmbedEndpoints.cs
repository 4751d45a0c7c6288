namespace AssistantPortal.Features.Links;

/// <summary>The embed script and the framing rule of the widget (SPEC §5).</summary>
public static class EmbedEndpoints
{
    /// <summary>Where the widget lives; the only pages another origin may frame.</summary>
    public const string WidgetPathPrefix = "/embed/";

    /// <summary>
    /// The widget must be frameable from any origin, so for <see cref="WidgetPathPrefix"/> only, the
    /// X-Frame-Options that antiforgery adds to every rendered page is removed and frame-ancestors allows
    /// any site. Every other page keeps refusing to be framed.
    /// </summary>
    public static IApplicationBuilder UseEmbedFraming(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(WidgetPathPrefix.TrimEnd('/')))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.Remove("X-Frame-Options");
                    context.Response.Headers.ContentSecurityPolicy = "frame-ancestors *";
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });

    /// <summary>Maps <c>GET /embed.js</c>: a classic script any site may include with a script tag.</summary>
    public static IEndpointRouteBuilder MapEmbedScript(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/embed.js", (HttpContext context) =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "public, max-age=300";
                return Results.Text(EmbedScript, "text/javascript; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Reads <c>data-assistant</c> from its own script tag, adds a chat bubble, and opens the widget of this
    /// app (the origin of the script's own src, not of the host page) in an iframe. Written for any page: no
    /// globals, no dependencies, styles inline so the host's CSS cannot break it.
    /// </summary>
    internal const string EmbedScript = """
        (function () {
          "use strict";
          var script = document.currentScript ||
            document.querySelector('script[data-assistant][src$="/embed.js"]');
          if (!script) { return; }
          var token = script.getAttribute("data-assistant");
          if (!token) { return; }
          var widgetUrl = new URL("/embed/" + encodeURIComponent(token), script.src).href;

          function start() {
            var button = document.createElement("button");
            button.type = "button";
            button.setAttribute("aria-label", "Open chat");
            button.setAttribute("aria-expanded", "false");
            button.setAttribute("data-assistantportal", "bubble");
            // A speech bubble drawn inline: no font or file of the host page is needed.
            button.innerHTML = '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" fill="currentColor">' +
              '<path d="M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z"/></svg>';
            button.style.cssText = "position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;" +
              "border:none;background:#594ae2;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;z-index:2147483646;" +
              "box-shadow:0 2px 8px rgba(0,0,0,.3)";
            var frame = null;
            button.addEventListener("click", function () {
              if (!frame) {
                frame = document.createElement("iframe");
                frame.src = widgetUrl;
                frame.title = "Chat";
                frame.setAttribute("data-assistantportal", "widget");
                frame.style.cssText = "position:fixed;right:20px;bottom:88px;width:380px;height:540px;max-width:calc(100vw - 40px);" +
                  "max-height:calc(100vh - 108px);border:1px solid #ccc;border-radius:12px;background:#fff;z-index:2147483647;" +
                  "box-shadow:0 4px 16px rgba(0,0,0,.3)";
                document.body.appendChild(frame);
              } else {
                frame.style.display = frame.style.display === "none" ? "block" : "none";
              }
              var open = frame.style.display !== "none";
              button.setAttribute("aria-expanded", open ? "true" : "false");
              button.setAttribute("aria-label", open ? "Close chat" : "Open chat");
            });
            document.body.appendChild(button);
          }

          if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
        })();
        """;
}
