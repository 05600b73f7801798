using Boards.Needs.Domain.Categories;

namespace Boards.Needs.Features.Common;

public sealed record NeedCategoryView(string Code, string Name, bool Shipped)
{
    public static NeedCategoryView From(NeedCategory category) => new(category.Code, category.Name, category.Shipped);
}
