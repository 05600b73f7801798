using System.Security.Claims;
using Boards.Needs.Features.AddCategory;
using Boards.Needs.Features.ListCategories;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Needs.Api.Rest;

/// <summary>The need categories under /api/needs/categories: every Boards role reads; ministry-admin adds.</summary>
public static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/needs/categories").WithTags("Categorías de necesidad").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", ListAsync).WithSummary("Categorías de necesidad, por código");
        group.MapPost("/", AddAsync).WithSummary("Agregar una categoría de necesidad (ministry-admin)");
        return app;
    }

    public static async Task<Ok<List<NeedCategoryView>>> ListAsync(ListCategoriesHandler handler, CancellationToken ct) =>
        TypedResults.Ok((await handler.HandleAsync(ct)).Select(NeedCategoryView.From).ToList());

    public static async Task<Created<NeedCategoryView>> AddAsync(AddCategoryCommand command, AddCategoryHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var category = await handler.HandleAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/needs/categories/{category.Code}", NeedCategoryView.From(category));
    }
}
