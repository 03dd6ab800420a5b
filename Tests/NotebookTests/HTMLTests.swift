import Testing
import Notebook

@Suite struct HTMLTests {
    @Test("escaping", arguments: [
        ("plain text, 32×32×3 → [30, 30, 16]", "plain text, 32×32×3 → [30, 30, 16]"),
        ("<script>alert('x & y')</script>", "&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;"),
        ("a=\"1\" é<", "a=&quot;1&quot; é&lt;"),
        ("", ""),
    ])
    func escaping(_ text: String, _ escaped: String) {
        #expect(HTML.escape(text) == escaped)
    }
}
