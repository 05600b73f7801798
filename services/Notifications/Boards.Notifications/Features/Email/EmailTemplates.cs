using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Email;

/// <summary>
/// The Spanish e-mails, in plain text and HTML. They say what happened and link into the portal; they carry only the
/// notification's title and body, which never hold personal data (docs/notifications.md, "E-mail").
/// </summary>
public sealed class EmailTemplates(IOptions<EmailOptions> options)
{
    private const string Footer = "Este aviso no contiene datos personales: el detalle está en el portal, con su usuario.";

    private string Portal => options.Value.PortalUrl.TrimEnd('/');

    public EmailContent Single(Notification notification)
    {
        var link = Portal + notification.Link;
        var text = new StringBuilder()
            .AppendLine(notification.Title).AppendLine()
            .AppendLine(notification.Body).AppendLine()
            .AppendLine($"Véalo en el portal: {link}").AppendLine()
            .AppendLine(Footer)
            .AppendLine($"Elija cómo recibir estos avisos: {Portal}/notificaciones/preferencias")
            .ToString();
        var html = Page(notification.Title,
            $"<p>{Encode(notification.Body)}</p><p><a href=\"{Encode(link)}\">Ver en el portal</a></p>");
        return new EmailContent($"[Mesas] {notification.Title}", text, html);
    }

    public EmailContent Digest(IReadOnlyList<Notification> items, DateTimeOffset dueAt)
    {
        var day = ParaguayTime.ToLocal(dueAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var title = items.Count == 1 ? $"Resumen del {day}: 1 aviso" : $"Resumen del {day}: {items.Count} avisos";
        var text = new StringBuilder().AppendLine(title).AppendLine();
        var list = new StringBuilder("<ul>");
        foreach (var item in items.OrderBy(i => i.CreatedAt))
        {
            var link = Portal + item.Link;
            text.AppendLine($"- {item.Title}").AppendLine($"  {item.Body}").AppendLine($"  {link}").AppendLine();
            list.Append($"<li><p><strong>{Encode(item.Title)}</strong><br>{Encode(item.Body)}<br><a href=\"{Encode(link)}\">Ver en el portal</a></p></li>");
        }

        text.AppendLine(Footer).AppendLine($"Elija cómo recibir estos avisos: {Portal}/notificaciones/preferencias");
        return new EmailContent($"[Mesas] {title}", text.ToString(), Page(title, list.Append("</ul>").ToString()));
    }

    private string Page(string title, string content) =>
        $"""
        <!DOCTYPE html>
        <html lang="es"><head><meta charset="utf-8"><title>{Encode(title)}</title></head>
        <body style="font-family: sans-serif; color: #1a1a1a;">
        <h1 style="font-size: 1.2em;">{Encode(title)}</h1>
        {content}
        <p style="color: #555; font-size: 0.9em;">{Encode(Footer)}<br>
        <a href="{Encode(Portal)}/notificaciones/preferencias">Elija cómo recibir estos avisos</a></p>
        </body></html>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
