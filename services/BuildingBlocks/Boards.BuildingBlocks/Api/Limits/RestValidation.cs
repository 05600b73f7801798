using System.Text;
using Boards.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;

namespace Boards.BuildingBlocks.Api.Limits;

/// <summary>
/// ASP.NET Core's validation of REST bodies (the attributes in this folder, nested objects and lists included), answered
/// as every other validation error of Boards: Spanish title, and fields named as in the JSON (counterReferral.notes).
/// </summary>
public static class RestValidation
{
    /// <summary>
    /// The answer's shape and the OpenAPI extras. Each service also calls <c>AddValidation()</c> in its own project:
    /// ASP.NET Core's source generator writes the validation of a project's endpoint types where it sees that call.
    /// </summary>
    public static IServiceCollection AddBoardsRestValidation(this IServiceCollection services)
    {
        services.Configure<ProblemDetailsOptions>(options =>
        {
            var earlier = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                if (context.Exception is null && context.ProblemDetails is HttpValidationProblemDetails validation)
                {
                    var named = validation.Errors.ToDictionary(e => JsonPath(e.Key), e => e.Value, StringComparer.Ordinal);
                    validation.Errors.Clear();
                    foreach (var (field, messages) in named)
                    {
                        validation.Errors[field] = messages;
                    }

                    var error = ApiError.Invalid(named);
                    validation.Title = error.Title;
                    validation.Detail ??= error.Detail;
                }
            };
        });
        // Every document: AddOpenApi configures its options by document name ("v1"), which Configure without a name misses.
        services.ConfigureAll<OpenApiOptions>(options => options.AddSchemaTransformer(EachMaxTextSchema.Apply));
        return services;
    }

    /// <summary>CounterReferral.Items[0].Notes → counterReferral.items[0].notes: the names the JSON body uses.</summary>
    public static string JsonPath(string path)
    {
        var builder = new StringBuilder(path.Length);
        var segmentStart = true;
        foreach (var c in path)
        {
            builder.Append(segmentStart ? char.ToLowerInvariant(c) : c);
            segmentStart = c == '.';
        }

        return builder.ToString();
    }
}
