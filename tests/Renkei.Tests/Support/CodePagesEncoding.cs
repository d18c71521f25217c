using System.Text;

namespace Renkei.Tests.Support;

public static class CodePagesEncoding
{
    static CodePagesEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding ShiftJis => Encoding.GetEncoding("shift_jis");
}
