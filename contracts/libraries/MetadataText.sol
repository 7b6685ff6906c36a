// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Text that credential metadata holds as it is
/// @notice AzoraCredential writes course titles and its base URL into JSON strings and SVG text
/// without escaping them: the contracts that accept such text check it here, byte by byte.
library MetadataText {
    /// @notice Whether byte `c` means the same as itself in a JSON string and in SVG text: no
    /// control byte (below 0x20, or DEL), no `"` or `\` (JSON), no `<`, `>` or `&` (SVG markup).
    /// Bytes from 0x80 up (UTF-8 sequences) are plain.
    function isPlain(bytes1 c) internal pure returns (bool) {
        return
            c >= 0x20 &&
            c != 0x7f && // DEL
            c != 0x22 && // "
            c != 0x5c && // \
            c != 0x3c && // <
            c != 0x3e && // >
            c != 0x26; // &
    }
}
