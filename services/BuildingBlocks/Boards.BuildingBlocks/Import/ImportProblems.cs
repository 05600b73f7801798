using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.BuildingBlocks.Import;

/// <summary>The answer to an all-or-nothing import that found errors.</summary>
public static class ImportProblems
{
    /// <summary>
    /// 400 with every error (line, column, message) in "errors"; the count is in the title and the detail, which starts
    /// with <paramref name="nothingImported"/> ("No se importó ningún miembro").
    /// </summary>
    public static ProblemHttpResult Errors(IReadOnlyList<ImportError> errors, string nothingImported) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: errors.Count == 1 ? "El archivo tiene 1 error." : $"El archivo tiene {errors.Count} errores.",
        detail: $"{nothingImported}: corrija {(errors.Count == 1 ? "el error indicado" : $"los {errors.Count} errores indicados")} en errors (línea, columna y mensaje) y vuelva a enviar el archivo completo.",
        extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
