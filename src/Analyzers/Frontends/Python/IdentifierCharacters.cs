using System.Globalization;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// Unicode's <c>XID_Start</c> and <c>XID_Continue</c> (UAX #31), the classes Python identifiers are made of and the
/// ones tree-sitter-python's <c>identifier</c> uses. .NET has no property lookup for them, so they are derived from
/// the general category as DerivedCoreProperties.txt derives them: letters and letter numbers start, marks, digits and
/// connector punctuation continue, plus the few <c>Other_ID_*</c> characters and minus the few NFKC exclusions. ASCII
/// never gets here: the lexer's own table answers for it.
/// </summary>
internal static class IdentifierCharacters
{
    public static bool IsStart(int codePoint) => codePoint switch
    {
        // Other_ID_Start.
        0x1885 or 0x1886 or 0x2118 or 0x212E => true,
        // Pattern_Syntax letters and the NFKC exclusions of XID_Start.
        0x2E2F or 0x037A or 0x0E33 or 0x0EB3 or 0x309B or 0x309C or (>= 0xFC5E and <= 0xFC63) or 0xFDFA or 0xFDFB
            or 0xFE70 or 0xFE72 or 0xFE74 or 0xFE76 or 0xFE78 or 0xFE7A or 0xFE7C or 0xFE7E or 0xFF9E or 0xFF9F => false,
        _ => IsStartCategory(CharUnicodeInfo.GetUnicodeCategory(codePoint)),
    };

    public static bool IsContinue(int codePoint) => codePoint switch
    {
        // Other_ID_Start, Other_ID_Continue, and characters that may continue but not start (NFKC).
        0x1885 or 0x1886 or 0x2118 or 0x212E or 0x00B7 or 0x0387 or (>= 0x1369 and <= 0x1371) or 0x19DA or 0x200C or 0x200D
            or 0x30FB or 0xFF65 or 0x0E33 or 0x0EB3 or 0xFF9E or 0xFF9F => true,
        0x2E2F or 0x037A or 0x309B or 0x309C or (>= 0xFC5E and <= 0xFC63) or 0xFDFA or 0xFDFB
            or 0xFE70 or 0xFE72 or 0xFE74 or 0xFE76 or 0xFE78 or 0xFE7A or 0xFE7C or 0xFE7E => false,
        _ => CharUnicodeInfo.GetUnicodeCategory(codePoint) is var category && (IsStartCategory(category) || category
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation),
    };

    private static bool IsStartCategory(UnicodeCategory category) => category
        is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
}
