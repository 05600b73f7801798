namespace Boards.Identity.Server;

public static class BoardsScopes
{
    /// <summary>The API scope; its resource <c>boards-api</c> becomes the access token's audience.</summary>
    public const string Api = "boards-api";
}
