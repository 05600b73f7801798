namespace Boards.ServiceDefaults.Authentication;

public static class BoardsPolicies
{
    /// <summary>Holds at least one Boards role; scope checks inside each feature narrow it further.</summary>
    public const string AnyBoardsRole = "boards-any-role";

    public const string MinistryAdmin = "boards-ministry-admin";
}
