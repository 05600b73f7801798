using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Boards.BuildingBlocks.Api.Limits;

/// <summary>Shows <see cref="EachMaxTextAttribute"/> in the OpenAPI document as the list's <c>items.maxLength</c>.</summary>
internal static class EachMaxTextSchema
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is ICustomAttributeProvider member &&
            member.GetCustomAttributes(typeof(EachMaxTextAttribute), inherit: true).FirstOrDefault() is EachMaxTextAttribute each &&
            schema.Items is OpenApiSchema items)
        {
            items.MaxLength = each.Length;
        }

        return Task.CompletedTask;
    }
}
