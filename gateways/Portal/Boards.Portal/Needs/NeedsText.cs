namespace Boards.Portal.Needs;

/// <summary>Names the needs pages show for codes and ids: a category's name, a need's label in a round.</summary>
public static class NeedsText
{
    /// <summary>The category's name; its code when the list is down or does not know it.</summary>
    public static string CategoryName(ApiResult<List<NeedCategoryView>>? categories, string code) =>
        categories is { IsOk: true } && categories.Value!.FirstOrDefault(c => c.Code == code) is { } category ? category.Name : code;

    /// <summary>"2. Salud · Centro": the need's number, category and locality; the id when the round does not have it.</summary>
    public static string NeedLabel(RoundView? round, ApiResult<List<NeedCategoryView>>? categories, Guid needId)
    {
        var need = round?.Needs.FirstOrDefault(n => n.Id == needId);
        return need is null ? needId.ToString() : $"{need.Number}. {CategoryName(categories, need.Category)} · {need.Locality}";
    }
}
