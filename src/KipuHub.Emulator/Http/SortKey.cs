namespace KipuHub.Emulator.Http;

/// <summary>One <c>sort=field,asc|desc</c> criterion.</summary>
internal readonly record struct SortKey(string Field, bool Descending);
