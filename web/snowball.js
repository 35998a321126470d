/*
 * AtlasSnowball: Snowball stemmers for the browser (en, ar, ru).
 *
 * GENERATED FILE, DO NOT EDIT. Regenerate with:
 *     .venv/bin/python tools/snowball_to_js.py
 * Translated mechanically from the Python modules of snowballstemmer 3.1.1
 * (PyPI; basestemmer.py, among.py, english_stemmer.py, arabic_stemmer.py, russian_stemmer.py):
 *     Generated from english.sbl by Snowball 3.1.1 - https://snowballstem.org/
 *     Generated from arabic.sbl by Snowball 3.1.1 - https://snowballstem.org/
 *     Generated from russian.sbl by Snowball 3.1.1 - https://snowballstem.org/
 * so that AtlasSnowball.stem(language, word) equals
 * snowballstemmer.stemmer(name).stemWord(word) of that package.
 *
 * Snowball is distributed under the BSD 3-Clause licence:
 *
 * Copyright (c) 2001, Dr Martin Porter
 * Copyright (c) 2004,2005, Richard Boulton
 * Copyright (c) 2013, Yoshiki Shibukawa
 * Copyright (c) 2006-2025, Olly Betts
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 *
 *   1. Redistributions of source code must retain the above copyright notice,
 *      this list of conditions and the following disclaimer.
 *   2. Redistributions in binary form must reproduce the above copyright notice,
 *      this list of conditions and the following disclaimer in the documentation
 *      and/or other materials provided with the distribution.
 *   3. Neither the name of the Snowball project nor the names of its contributors
 *      may be used to endorse or promote products derived from this software
 *      without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
 * ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
 * LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON
 * ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
(function (root, factory) {
    "use strict";
    const api = factory();
    if (typeof module === "object" && module.exports) {
        module.exports = api;
    } else {
        root.AtlasSnowball = api;
    }
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
    "use strict";

    class Among {
        constructor(s, substring_i, result, method = null) {
            this.s = s;
            this.substring_i = substring_i;
            this.result = result;
            this.method = method;
        }
    }

    class BaseStemmer {
        constructor() {
            this.set_current("");
        }

        set_current(value) {
            this.current = value;
            this.cursor = 0;
            this.limit = this.current.length;
            this.limit_backward = 0;
            this.bra = this.cursor;
            this.ket = this.limit;
        }

        get_current() {
            return this.current;
        }

        in_grouping(s) {
            if (this.cursor >= this.limit) {
                return false;
            }
            if (!s.has(this.current[this.cursor])) {
                return false;
            }
            this.cursor += 1;
            return true;
        }

        go_in_grouping(s) {
            while (this.cursor < this.limit) {
                if (!s.has(this.current[this.cursor])) {
                    return true;
                }
                this.cursor += 1;
            }
            return false;
        }

        in_grouping_b(s) {
            if (this.cursor <= this.limit_backward) {
                return false;
            }
            if (!s.has(this.current[this.cursor - 1])) {
                return false;
            }
            this.cursor -= 1;
            return true;
        }

        go_out_grouping(s) {
            while (this.cursor < this.limit) {
                if (s.has(this.current[this.cursor])) {
                    return true;
                }
                this.cursor += 1;
            }
            return false;
        }

        out_grouping_b(s) {
            if (this.cursor <= this.limit_backward) {
                return false;
            }
            if (!s.has(this.current[this.cursor - 1])) {
                this.cursor -= 1;
                return true;
            }
            return false;
        }

        go_out_grouping_b(s) {
            while (this.cursor > this.limit_backward) {
                if (s.has(this.current[this.cursor - 1])) {
                    return true;
                }
                this.cursor -= 1;
            }
            return false;
        }

        eq_s_b(s) {
            if (this.cursor - this.limit_backward >= s.length && this.current.endsWith(s, this.cursor)) {
                this.cursor -= s.length;
                return true;
            }
            return false;
        }

        find_among(v) {
            let i, j, c, l, common_i, common_j, first_key_inspected, k, diff, common, w, i2;
            i = 0;
            j = v.length;
            c = this.cursor;
            l = this.limit;
            common_i = 0;
            common_j = 0;
            first_key_inspected = false;
            while (true) {
                k = i + (j - i >> 1);
                diff = 0;
                common = Math.min(common_i, common_j);
                w = v[k];
                for (i2 = common; i2 < w.s.length; i2++) {
                    if (c + common === l) {
                        diff = -1;
                        break;
                    }
                    diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
                    if (diff !== 0) {
                        break;
                    }
                    common += 1;
                }
                if (diff < 0) {
                    j = k;
                    common_j = common;
                } else {
                    i = k;
                    common_i = common;
                }
                if (j - i <= 1) {
                    if (i > 0) {
                        break;
                    }
                    if (j === i) {
                        break;
                    }
                    if (first_key_inspected) {
                        break;
                    }
                    first_key_inspected = true;
                }
            }
            while (true) {
                w = v[i];
                if (common_i >= w.s.length) {
                    this.cursor = c + w.s.length;
                    if (w.method === null) {
                        return w.result;
                    }
                    if (w.method.call(this)) {
                        this.cursor = c + w.s.length;
                        return w.result;
                    }
                }
                i = w.substring_i;
                if (i < 0) {
                    return 0;
                }
            }
            return -1;
        }

        find_among_b(v) {
            let i, j, c, lb, common_i, common_j, first_key_inspected, k, diff, common, w, i2;
            i = 0;
            j = v.length;
            c = this.cursor;
            lb = this.limit_backward;
            common_i = 0;
            common_j = 0;
            first_key_inspected = false;
            while (true) {
                k = i + (j - i >> 1);
                diff = 0;
                common = Math.min(common_i, common_j);
                w = v[k];
                for (i2 = w.s.length - 1 - common; i2 > -1; i2--) {
                    if (c - common === lb) {
                        diff = -1;
                        break;
                    }
                    diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
                    if (diff !== 0) {
                        break;
                    }
                    common += 1;
                }
                if (diff < 0) {
                    j = k;
                    common_j = common;
                } else {
                    i = k;
                    common_i = common;
                }
                if (j - i <= 1) {
                    if (i > 0) {
                        break;
                    }
                    if (j === i) {
                        break;
                    }
                    if (first_key_inspected) {
                        break;
                    }
                    first_key_inspected = true;
                }
            }
            while (true) {
                w = v[i];
                if (common_i >= w.s.length) {
                    this.cursor = c - w.s.length;
                    if (w.method === null) {
                        return w.result;
                    }
                    if (w.method.call(this)) {
                        this.cursor = c - w.s.length;
                        return w.result;
                    }
                }
                i = w.substring_i;
                if (i < 0) {
                    return 0;
                }
            }
            return -1;
        }

        replace_s(c_bra, c_ket, s) {
            let adjustment;
            adjustment = s.length - (c_ket - c_bra);
            this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
            this.limit += adjustment;
            if (this.cursor >= c_ket) {
                this.cursor += adjustment;
            } else if (this.cursor > c_bra) {
                this.cursor = c_bra;
            }
            return adjustment;
        }

        slice_from(s) {
            if (!(this.bra >= 0)) throw new Error("assertion failed: self.bra >= 0");
            if (!(this.bra <= this.ket)) throw new Error("assertion failed: self.bra <= self.ket");
            if (!(this.ket <= this.limit)) throw new Error("assertion failed: self.ket <= self.limit");
            if (!(this.limit <= this.current.length)) throw new Error("assertion failed: self.limit <= len(self.current)");
            this.replace_s(this.bra, this.ket, s);
            this.ket = this.bra + s.length;
        }

        slice_del() {
            return this.slice_from("");
        }

        stemWord(word) {
            this.set_current(word);
            this._stem();
            return this.get_current();
        }
    }

    class EnglishStemmer extends BaseStemmer {
        constructor() {
            super();
            this.B_Y_found = false;
            this.I_p2 = 0;
            this.I_p1 = 0;
        }

        r_prelude() {
            let v_1, v_2, v_3, v_4, v_5;
            this.B_Y_found = false;
            v_1 = this.cursor;
            lab0: {
                this.bra = this.cursor;
                if (this.cursor === this.limit || this.current[this.cursor] !== "'") {
                    break lab0;
                }
                this.cursor += 1;
                this.ket = this.cursor;
                this.slice_del();
            }
            this.cursor = v_1;
            v_2 = this.cursor;
            lab0: {
                this.bra = this.cursor;
                if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                    break lab0;
                }
                this.cursor += 1;
                this.ket = this.cursor;
                this.slice_from("Y");
                this.B_Y_found = true;
            }
            this.cursor = v_2;
            v_3 = this.cursor;
            lab0: {
                while (true) {
                    v_4 = this.cursor;
                    lab1: {
                        while (true) {
                            v_5 = this.cursor;
                            lab2: {
                                if (!this.in_grouping(EnglishStemmer.g_v)) {
                                    break lab2;
                                }
                                this.bra = this.cursor;
                                if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                                    break lab2;
                                }
                                this.cursor += 1;
                                this.ket = this.cursor;
                                this.cursor = v_5;
                                break;
                            }
                            this.cursor = v_5;
                            if (this.cursor >= this.limit) {
                                break lab1;
                            }
                            this.cursor += 1;
                        }
                        this.slice_from("Y");
                        this.B_Y_found = true;
                        continue;
                    }
                    this.cursor = v_4;
                    break;
                }
            }
            this.cursor = v_3;
            return true;
        }

        r_mark_regions() {
            let v_1, v_2;
            this.I_p1 = this.limit;
            this.I_p2 = this.limit;
            v_1 = this.cursor;
            lab0: {
                while (true) {
                    v_2 = this.cursor;
                    lab1: {
                        if (this.find_among(EnglishStemmer.a_0) === 0) {
                            break lab1;
                        }
                        break;
                    }
                    this.cursor = v_2;
                    if (!this.go_out_grouping(EnglishStemmer.g_v)) {
                        break lab0;
                    }
                    this.cursor += 1;
                    if (!this.go_in_grouping(EnglishStemmer.g_v)) {
                        break lab0;
                    }
                    this.cursor += 1;
                    break;
                }
                this.I_p1 = this.cursor;
                if (!this.go_out_grouping(EnglishStemmer.g_v)) {
                    break lab0;
                }
                this.cursor += 1;
                if (!this.go_in_grouping(EnglishStemmer.g_v)) {
                    break lab0;
                }
                this.cursor += 1;
                this.I_p2 = this.cursor;
            }
            this.cursor = v_1;
            return true;
        }

        r_shortv() {
            let v_1;
            while (true) {
                v_1 = this.limit - this.cursor;
                lab0: {
                    if (!this.out_grouping_b(EnglishStemmer.g_v_WXY)) {
                        break lab0;
                    }
                    if (!this.in_grouping_b(EnglishStemmer.g_v)) {
                        break lab0;
                    }
                    if (!this.out_grouping_b(EnglishStemmer.g_v)) {
                        break lab0;
                    }
                    break;
                }
                this.cursor = this.limit - v_1;
                lab0: {
                    if (!this.out_grouping_b(EnglishStemmer.g_v)) {
                        break lab0;
                    }
                    if (!this.in_grouping_b(EnglishStemmer.g_v)) {
                        break lab0;
                    }
                    if (this.cursor > this.limit_backward) {
                        break lab0;
                    }
                    break;
                }
                this.cursor = this.limit - v_1;
                if (!this.eq_s_b("past")) {
                    return false;
                }
                break;
            }
            return true;
        }

        r_R1() {
            return this.I_p1 <= this.cursor;
        }

        r_R2() {
            return this.I_p2 <= this.cursor;
        }

        r_Step_1a() {
            let v_1, among_var, v_2;
            v_1 = this.limit - this.cursor;
            lab0: {
                this.ket = this.cursor;
                if (this.find_among_b(EnglishStemmer.a_1) === 0) {
                    this.cursor = this.limit - v_1;
                    break lab0;
                }
                this.bra = this.cursor;
                this.slice_del();
            }
            this.ket = this.cursor;
            among_var = this.find_among_b(EnglishStemmer.a_2);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                this.slice_from("ss");
            } else if (among_var === 2) {
                while (true) {
                    v_2 = this.limit - this.cursor;
                    lab0: {
                        if (this.cursor - 2 < this.limit_backward) {
                            break lab0;
                        }
                        this.cursor -= 2;
                        this.slice_from("i");
                        break;
                    }
                    this.cursor = this.limit - v_2;
                    this.slice_from("ie");
                    break;
                }
            } else if (among_var === 3) {
                if (this.cursor <= this.limit_backward) {
                    return false;
                }
                this.cursor -= 1;
                if (!this.go_out_grouping_b(EnglishStemmer.g_v)) {
                    return false;
                }
                this.cursor -= 1;
                this.slice_del();
            }
            return true;
        }

        r_Step_1b() {
            let among_var, v_1, v_5, v_6, v_2, v_7, v_8, v_3, v_4;
            this.ket = this.cursor;
            among_var = this.find_among_b(EnglishStemmer.a_5);
            this.bra = this.cursor;
            while (true) {
                v_1 = this.limit - this.cursor;
                lab0: {
                    if (among_var === 1) {
                        v_2 = this.limit - this.cursor;
                        lab1: {
                            if (!this.r_R1()) {
                                break lab1;
                            }
                            while (true) {
                                v_3 = this.limit - this.cursor;
                                lab2: {
                                    if (this.find_among_b(EnglishStemmer.a_3) === 0) {
                                        break lab2;
                                    }
                                    if (this.cursor > this.limit_backward) {
                                        break lab2;
                                    }
                                    break;
                                }
                                this.cursor = this.limit - v_3;
                                this.slice_from("ee");
                                break;
                            }
                        }
                        this.cursor = this.limit - v_2;
                    } else if (among_var === 2) {
                        break lab0;
                    } else if (among_var === 3) {
                        among_var = this.find_among_b(EnglishStemmer.a_4);
                        if (among_var === 0) {
                            break lab0;
                        }
                        if (among_var === 1) {
                            v_4 = this.limit - this.cursor;
                            if (!this.out_grouping_b(EnglishStemmer.g_v)) {
                                break lab0;
                            }
                            if (this.cursor > this.limit_backward) {
                                break lab0;
                            }
                            this.cursor = this.limit - v_4;
                            this.bra = this.cursor;
                            this.slice_from("ie");
                        } else if (this.cursor > this.limit_backward) {
                            break lab0;
                        }
                    }
                    break;
                }
                this.cursor = this.limit - v_1;
                v_5 = this.limit - this.cursor;
                if (!this.go_out_grouping_b(EnglishStemmer.g_v)) {
                    return false;
                }
                this.cursor -= 1;
                this.cursor = this.limit - v_5;
                this.slice_del();
                this.ket = this.cursor;
                this.bra = this.cursor;
                v_6 = this.limit - this.cursor;
                among_var = this.find_among_b(EnglishStemmer.a_6);
                if (among_var === 1) {
                    this.slice_from("e");
                    return false;
                } else if (among_var === 2) {
                    v_7 = this.limit - this.cursor;
                    lab0: {
                        if (!this.in_grouping_b(EnglishStemmer.g_aeo)) {
                            break lab0;
                        }
                        if (this.cursor > this.limit_backward) {
                            break lab0;
                        }
                        return false;
                    }
                    this.cursor = this.limit - v_7;
                } else {
                    if (this.cursor !== this.I_p1) {
                        return false;
                    }
                    v_8 = this.limit - this.cursor;
                    if (!this.r_shortv()) {
                        return false;
                    }
                    this.cursor = this.limit - v_8;
                    this.slice_from("e");
                    return false;
                }
                this.cursor = this.limit - v_6;
                this.ket = this.cursor;
                if (this.cursor <= this.limit_backward) {
                    return false;
                }
                this.cursor -= 1;
                this.bra = this.cursor;
                this.slice_del();
                break;
            }
            return true;
        }

        r_Step_1c() {
            this.ket = this.cursor;
            while (true) {
                lab0: {
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "y") {
                        break lab0;
                    }
                    this.cursor -= 1;
                    break;
                }
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "Y") {
                    return false;
                }
                this.cursor -= 1;
                break;
            }
            this.bra = this.cursor;
            if (!this.out_grouping_b(EnglishStemmer.g_v)) {
                return false;
            }
            if (this.cursor <= this.limit_backward) {
                return false;
            }
            this.slice_from("i");
            return true;
        }

        r_Step_2() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(EnglishStemmer.a_7);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (!this.r_R1()) {
                return false;
            }
            if (among_var === 1) {
                this.slice_from("tion");
            } else if (among_var === 2) {
                this.slice_from("ence");
            } else if (among_var === 3) {
                this.slice_from("ance");
            } else if (among_var === 4) {
                this.slice_from("able");
            } else if (among_var === 5) {
                this.slice_from("ent");
            } else if (among_var === 6) {
                this.slice_from("ize");
            } else if (among_var === 7) {
                this.slice_from("ate");
            } else if (among_var === 8) {
                this.slice_from("al");
            } else if (among_var === 9) {
                this.slice_from("ful");
            } else if (among_var === 10) {
                this.slice_from("ous");
            } else if (among_var === 11) {
                this.slice_from("ive");
            } else if (among_var === 12) {
                this.slice_from("ble");
            } else if (among_var === 13) {
                this.slice_from("og");
            } else if (among_var === 14) {
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "l") {
                    return false;
                }
                this.cursor -= 1;
                this.slice_from("og");
            } else if (among_var === 15) {
                this.slice_from("less");
            } else {
                if (!this.in_grouping_b(EnglishStemmer.g_valid_LI)) {
                    return false;
                }
                this.slice_del();
            }
            return true;
        }

        r_Step_3() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(EnglishStemmer.a_8);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (!this.r_R1()) {
                return false;
            }
            if (among_var === 1) {
                this.slice_from("tion");
            } else if (among_var === 2) {
                this.slice_from("ate");
            } else if (among_var === 3) {
                this.slice_from("al");
            } else if (among_var === 4) {
                this.slice_from("ic");
            } else if (among_var === 5) {
                this.slice_del();
            } else {
                if (!this.r_R2()) {
                    return false;
                }
                this.slice_del();
            }
            return true;
        }

        r_Step_4() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(EnglishStemmer.a_9);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (!this.r_R2()) {
                return false;
            }
            if (among_var === 1) {
                this.slice_del();
            } else {
                while (true) {
                    lab0: {
                        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "s") {
                            break lab0;
                        }
                        this.cursor -= 1;
                        break;
                    }
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "t") {
                        return false;
                    }
                    this.cursor -= 1;
                    break;
                }
                this.slice_del();
            }
            return true;
        }

        r_Step_5() {
            let among_var, v_1;
            this.ket = this.cursor;
            among_var = this.find_among_b(EnglishStemmer.a_10);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                while (true) {
                    lab0: {
                        if (!this.r_R2()) {
                            break lab0;
                        }
                        break;
                    }
                    if (!this.r_R1()) {
                        return false;
                    }
                    v_1 = this.limit - this.cursor;
                    lab0: {
                        if (!this.r_shortv()) {
                            break lab0;
                        }
                        return false;
                    }
                    this.cursor = this.limit - v_1;
                    break;
                }
                this.slice_del();
            } else {
                if (!this.r_R2()) {
                    return false;
                }
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "l") {
                    return false;
                }
                this.cursor -= 1;
                this.slice_del();
            }
            return true;
        }

        r_exception1() {
            let among_var;
            this.bra = this.cursor;
            among_var = this.find_among(EnglishStemmer.a_11);
            if (among_var === 0) {
                return false;
            }
            this.ket = this.cursor;
            if (this.cursor < this.limit) {
                return false;
            }
            if (among_var > 0) {
                this.slice_from(EnglishStemmer.as_11[among_var - 1]);
            }
            return true;
        }

        r_postlude() {
            let v_1, v_2;
            if (!this.B_Y_found) {
                return false;
            }
            while (true) {
                v_1 = this.cursor;
                lab0: {
                    while (true) {
                        v_2 = this.cursor;
                        lab1: {
                            this.bra = this.cursor;
                            if (this.cursor === this.limit || this.current[this.cursor] !== "Y") {
                                break lab1;
                            }
                            this.cursor += 1;
                            this.ket = this.cursor;
                            this.cursor = v_2;
                            break;
                        }
                        this.cursor = v_2;
                        if (this.cursor >= this.limit) {
                            break lab0;
                        }
                        this.cursor += 1;
                    }
                    this.slice_from("y");
                    continue;
                }
                this.cursor = v_1;
                break;
            }
            return true;
        }

        _stem() {
            let v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9;
            while (true) {
                v_1 = this.cursor;
                lab0: {
                    if (!this.r_exception1()) {
                        break lab0;
                    }
                    break;
                }
                this.cursor = v_1;
                lab0: {
                    lab1: {
                        if (this.cursor + 3 > this.limit) {
                            break lab1;
                        }
                        this.cursor += 3;
                        break lab0;
                    }
                    break;
                }
                this.cursor = v_1;
                this.r_prelude();
                this.r_mark_regions();
                this.limit_backward = this.cursor;
                this.cursor = this.limit;
                v_2 = this.limit - this.cursor;
                this.r_Step_1a();
                this.cursor = this.limit - v_2;
                v_3 = this.limit - this.cursor;
                this.r_Step_1b();
                this.cursor = this.limit - v_3;
                v_4 = this.limit - this.cursor;
                this.r_Step_1c();
                this.cursor = this.limit - v_4;
                v_5 = this.limit - this.cursor;
                this.r_Step_2();
                this.cursor = this.limit - v_5;
                v_6 = this.limit - this.cursor;
                this.r_Step_3();
                this.cursor = this.limit - v_6;
                v_7 = this.limit - this.cursor;
                this.r_Step_4();
                this.cursor = this.limit - v_7;
                v_8 = this.limit - this.cursor;
                this.r_Step_5();
                this.cursor = this.limit - v_8;
                this.cursor = this.limit_backward;
                v_9 = this.cursor;
                this.r_postlude();
                this.cursor = v_9;
                break;
            }
            return true;
        }
    }
    EnglishStemmer.g_aeo = new Set("aeo");
    EnglishStemmer.g_v = new Set("aeiouy");
    EnglishStemmer.g_v_WXY = new Set("Yaeiouwxy");
    EnglishStemmer.g_valid_LI = new Set("cdeghkmnrt");
    EnglishStemmer.a_0 = [new Among("arsen", -1, -1), new Among("commun", -1, -1), new Among("emerg", -1, -1), new Among("gener", -1, -1), new Among("inter", -1, -1), new Among("later", -1, -1), new Among("organ", -1, -1), new Among("past", -1, -1), new Among("univers", -1, -1)];
    EnglishStemmer.a_1 = [new Among("'", -1, 1), new Among("'s'", 0, 1), new Among("'s", -1, 1)];
    EnglishStemmer.a_2 = [new Among("ied", -1, 2), new Among("s", -1, 3), new Among("ies", 1, 2), new Among("sses", 1, 1), new Among("ss", 1, -1), new Among("us", 1, -1)];
    EnglishStemmer.a_3 = [new Among("succ", -1, 1), new Among("proc", -1, 1), new Among("exc", -1, 1)];
    EnglishStemmer.a_4 = [new Among("even", -1, 2), new Among("cann", -1, 2), new Among("inn", -1, 2), new Among("earr", -1, 2), new Among("herr", -1, 2), new Among("out", -1, 2), new Among("y", -1, 1)];
    EnglishStemmer.a_5 = [new Among("", -1, -1), new Among("ed", 0, 2), new Among("eed", 1, 1), new Among("ing", 0, 3), new Among("edly", 0, 2), new Among("eedly", 4, 1), new Among("ingly", 0, 2)];
    EnglishStemmer.a_6 = [new Among("", -1, 3), new Among("bb", 0, 2), new Among("dd", 0, 2), new Among("ff", 0, 2), new Among("gg", 0, 2), new Among("bl", 0, 1), new Among("mm", 0, 2), new Among("nn", 0, 2), new Among("pp", 0, 2), new Among("rr", 0, 2), new Among("at", 0, 1), new Among("tt", 0, 2), new Among("iz", 0, 1)];
    EnglishStemmer.a_7 = [new Among("anci", -1, 3), new Among("enci", -1, 2), new Among("ogi", -1, 14), new Among("li", -1, 16), new Among("bli", 3, 12), new Among("abli", 4, 4), new Among("alli", 3, 8), new Among("fulli", 3, 9), new Among("lessli", 3, 15), new Among("ousli", 3, 10), new Among("entli", 3, 5), new Among("aliti", -1, 8), new Among("biliti", -1, 12), new Among("iviti", -1, 11), new Among("tional", -1, 1), new Among("ational", 14, 7), new Among("alism", -1, 8), new Among("ation", -1, 7), new Among("ization", 17, 6), new Among("izer", -1, 6), new Among("ator", -1, 7), new Among("iveness", -1, 11), new Among("fulness", -1, 9), new Among("ousness", -1, 10), new Among("ogist", -1, 13)];
    EnglishStemmer.a_8 = [new Among("icate", -1, 4), new Among("ative", -1, 6), new Among("alize", -1, 3), new Among("iciti", -1, 4), new Among("ical", -1, 4), new Among("tional", -1, 1), new Among("ational", 5, 2), new Among("ful", -1, 5), new Among("ness", -1, 5)];
    EnglishStemmer.a_9 = [new Among("ic", -1, 1), new Among("ance", -1, 1), new Among("ence", -1, 1), new Among("able", -1, 1), new Among("ible", -1, 1), new Among("ate", -1, 1), new Among("ive", -1, 1), new Among("ize", -1, 1), new Among("iti", -1, 1), new Among("al", -1, 1), new Among("ism", -1, 1), new Among("ion", -1, 2), new Among("er", -1, 1), new Among("ous", -1, 1), new Among("ant", -1, 1), new Among("ent", -1, 1), new Among("ment", 15, 1), new Among("ement", 16, 1)];
    EnglishStemmer.a_10 = [new Among("e", -1, 1), new Among("l", -1, 2)];
    EnglishStemmer.a_11 = [new Among("andes", -1, -1), new Among("atlas", -1, -1), new Among("bias", -1, -1), new Among("cosmos", -1, -1), new Among("early", -1, 6), new Among("gently", -1, 4), new Among("howe", -1, -1), new Among("idly", -1, 3), new Among("news", -1, -1), new Among("only", -1, 7), new Among("singly", -1, 8), new Among("skies", -1, 2), new Among("skis", -1, 1), new Among("sky", -1, -1), new Among("ugly", -1, 5)];
    EnglishStemmer.as_11 = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];

    class ArabicStemmer extends BaseStemmer {
        constructor() {
            super();
            this.B_is_defined = false;
            this.B_is_verb = false;
            this.B_is_noun = false;
        }

        r_Normalize_pre() {
            let v_1, v_2, v_3, among_var;
            v_1 = this.cursor;
            lab0: {
                while (true) {
                    v_2 = this.cursor;
                    lab1: {
                        while (true) {
                            v_3 = this.cursor;
                            lab2: {
                                this.bra = this.cursor;
                                among_var = this.find_among(ArabicStemmer.a_0);
                                if (among_var === 0) {
                                    break lab2;
                                }
                                this.ket = this.cursor;
                                this.slice_from(ArabicStemmer.as_0[among_var - 1]);
                                break;
                            }
                            this.cursor = v_3;
                            if (this.cursor >= this.limit) {
                                break lab1;
                            }
                            this.cursor += 1;
                            break;
                        }
                        continue;
                    }
                    this.cursor = v_2;
                    break;
                }
            }
            this.cursor = v_1;
            return true;
        }

        r_Normalize_post() {
            let v_1, v_2, v_3, v_4, among_var;
            v_1 = this.cursor;
            lab0: {
                this.limit_backward = this.cursor;
                this.cursor = this.limit;
                this.ket = this.cursor;
                if (this.find_among_b(ArabicStemmer.a_1) === 0) {
                    break lab0;
                }
                this.bra = this.cursor;
                this.slice_from("\u0621");
                this.cursor = this.limit_backward;
            }
            this.cursor = v_1;
            v_2 = this.cursor;
            lab0: {
                while (true) {
                    v_3 = this.cursor;
                    lab1: {
                        while (true) {
                            v_4 = this.cursor;
                            lab2: {
                                this.bra = this.cursor;
                                among_var = this.find_among(ArabicStemmer.a_2);
                                if (among_var === 0) {
                                    break lab2;
                                }
                                this.ket = this.cursor;
                                this.slice_from(ArabicStemmer.as_2[among_var - 1]);
                                break;
                            }
                            this.cursor = v_4;
                            if (this.cursor >= this.limit) {
                                break lab1;
                            }
                            this.cursor += 1;
                            break;
                        }
                        continue;
                    }
                    this.cursor = v_3;
                    break;
                }
            }
            this.cursor = v_2;
            return true;
        }

        r_Checks1() {
            let among_var;
            this.bra = this.cursor;
            among_var = this.find_among(ArabicStemmer.a_3);
            if (among_var === 0) {
                return false;
            }
            this.ket = this.cursor;
            if (among_var === 1) {
                if (this.current.length <= 4) {
                    return false;
                }
                this.B_is_noun = true;
                this.B_is_verb = false;
                this.B_is_defined = true;
            } else {
                if (this.current.length <= 3) {
                    return false;
                }
                this.B_is_noun = true;
                this.B_is_verb = false;
                this.B_is_defined = true;
            }
            return true;
        }

        r_Prefix_Step1() {
            let among_var;
            this.bra = this.cursor;
            among_var = this.find_among(ArabicStemmer.a_4);
            if (among_var === 0) {
                return false;
            }
            this.ket = this.cursor;
            if (among_var === 1) {
                if (this.current.length <= 3) {
                    return false;
                }
                this.slice_from("\u0623");
            } else if (among_var === 2) {
                if (this.current.length <= 3) {
                    return false;
                }
                this.slice_from("\u0622");
            } else if (among_var === 3) {
                if (this.current.length <= 3) {
                    return false;
                }
                this.slice_from("\u0627");
            } else {
                if (this.current.length <= 3) {
                    return false;
                }
                this.slice_from("\u0625");
            }
            return true;
        }

        r_Prefix_Step2() {
            this.bra = this.cursor;
            if (this.find_among(ArabicStemmer.a_5) === 0) {
                return false;
            }
            this.ket = this.cursor;
            if (this.current.length <= 3) {
                return false;
            }
            lab0: {
                if (this.cursor === this.limit || this.current[this.cursor] !== "\u0627") {
                    break lab0;
                }
                this.cursor += 1;
                return false;
            }
            this.slice_del();
            return true;
        }

        r_Prefix_Step3a_Noun() {
            let among_var;
            this.bra = this.cursor;
            among_var = this.find_among(ArabicStemmer.a_6);
            if (among_var === 0) {
                return false;
            }
            this.ket = this.cursor;
            if (among_var === 1) {
                if (this.current.length <= 5) {
                    return false;
                }
                this.slice_del();
            } else {
                if (this.current.length <= 4) {
                    return false;
                }
                this.slice_del();
            }
            return true;
        }

        r_Prefix_Step3b_Noun() {
            let among_var;
            this.bra = this.cursor;
            among_var = this.find_among(ArabicStemmer.a_7);
            if (among_var === 0) {
                return false;
            }
            this.ket = this.cursor;
            if (among_var === 1) {
                if (this.current.length <= 3) {
                    return false;
                }
                this.slice_del();
            } else if (among_var === 2) {
                if (this.current.length <= 3) {
                    return false;
                }
                this.slice_from("\u0628");
            } else if (among_var === 3) {
                if (this.current.length <= 3) {
                    return false;
                }
                this.slice_from("\u0643");
            }
            return true;
        }

        r_Prefix_Step3_Verb() {
            let among_var;
            this.bra = this.cursor;
            among_var = this.find_among(ArabicStemmer.a_8);
            if (among_var === 0) {
                return false;
            }
            this.ket = this.cursor;
            if (among_var === 1) {
                if (this.current.length <= 4) {
                    return false;
                }
                this.slice_from("\u064a");
            } else if (among_var === 2) {
                if (this.current.length <= 4) {
                    return false;
                }
                this.slice_from("\u062a");
            } else if (among_var === 3) {
                if (this.current.length <= 4) {
                    return false;
                }
                this.slice_from("\u0646");
            } else {
                if (this.current.length <= 4) {
                    return false;
                }
                this.slice_from("\u0623");
            }
            return true;
        }

        r_Prefix_Step4_Verb() {
            this.bra = this.cursor;
            if (this.find_among(ArabicStemmer.a_9) === 0) {
                return false;
            }
            this.ket = this.cursor;
            if (this.current.length <= 4) {
                return false;
            }
            this.B_is_verb = true;
            this.B_is_noun = false;
            this.slice_from("\u0627\u0633\u062a");
            return true;
        }

        r_Suffix_Noun_Step1a() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(ArabicStemmer.a_10);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                if (this.current.length < 4) {
                    return false;
                }
                this.slice_del();
            } else if (among_var === 2) {
                if (this.current.length < 5) {
                    return false;
                }
                this.slice_del();
            } else {
                if (this.current.length < 6) {
                    return false;
                }
                this.slice_del();
            }
            return true;
        }

        r_Suffix_Noun_Step1b() {
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u0646") {
                return false;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            if (this.current.length <= 5) {
                return false;
            }
            this.slice_del();
            return true;
        }

        r_Suffix_Noun_Step2a() {
            this.ket = this.cursor;
            if (this.find_among_b(ArabicStemmer.a_11) === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (this.current.length <= 4) {
                return false;
            }
            this.slice_del();
            return true;
        }

        r_Suffix_Noun_Step2b() {
            this.ket = this.cursor;
            if (!this.eq_s_b("\u0627\u062a")) {
                return false;
            }
            this.bra = this.cursor;
            if (this.current.length < 5) {
                return false;
            }
            this.slice_del();
            return true;
        }

        r_Suffix_Noun_Step2c1() {
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u062a") {
                return false;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            if (this.current.length < 4) {
                return false;
            }
            this.slice_del();
            return true;
        }

        r_Suffix_Noun_Step2c2() {
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u0629") {
                return false;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            if (this.current.length < 4) {
                return false;
            }
            this.slice_del();
            return true;
        }

        r_Suffix_Noun_Step3() {
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u064a") {
                return false;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            if (this.current.length < 3) {
                return false;
            }
            this.slice_del();
            return true;
        }

        r_Suffix_Verb_Step1() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(ArabicStemmer.a_12);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                if (this.current.length < 4) {
                    return false;
                }
                this.slice_del();
            } else if (among_var === 2) {
                if (this.current.length < 5) {
                    return false;
                }
                this.slice_del();
            } else {
                if (this.current.length < 6) {
                    return false;
                }
                this.slice_del();
            }
            return true;
        }

        r_Suffix_Verb_Step2a() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(ArabicStemmer.a_13);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                if (this.current.length < 4) {
                    return false;
                }
                this.slice_del();
            } else if (among_var === 2) {
                if (this.current.length < 5) {
                    return false;
                }
                this.slice_del();
            } else if (among_var === 3) {
                if (this.current.length <= 5) {
                    return false;
                }
                this.slice_del();
            } else {
                if (this.current.length < 6) {
                    return false;
                }
                this.slice_del();
            }
            return true;
        }

        r_Suffix_Verb_Step2b() {
            this.ket = this.cursor;
            if (this.find_among_b(ArabicStemmer.a_14) === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (this.current.length < 5) {
                return false;
            }
            this.slice_del();
            return true;
        }

        r_Suffix_Verb_Step2c() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(ArabicStemmer.a_15);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                if (this.current.length < 4) {
                    return false;
                }
                this.slice_del();
            } else {
                if (this.current.length < 6) {
                    return false;
                }
                this.slice_del();
            }
            return true;
        }

        r_Suffix_All_alef_maqsura() {
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u0649") {
                return false;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            this.slice_from("\u064a");
            return true;
        }

        _stem() {
            let v_1, v_2, v_12, v_13, v_14, v_3, v_15, v_16, v_8, v_4, v_5, v_9, v_6, v_7, v_10, v_11;
            this.B_is_noun = true;
            this.B_is_verb = true;
            this.B_is_defined = false;
            v_1 = this.cursor;
            this.r_Checks1();
            this.cursor = v_1;
            this.r_Normalize_pre();
            this.limit_backward = this.cursor;
            this.cursor = this.limit;
            v_2 = this.limit - this.cursor;
            lab0: {
                while (true) {
                    v_3 = this.limit - this.cursor;
                    lab1: {
                        if (!this.B_is_verb) {
                            break lab1;
                        }
                        while (true) {
                            v_4 = this.limit - this.cursor;
                            lab2: {
                                v_5 = 1;
                                while (true) {
                                    v_6 = this.limit - this.cursor;
                                    lab3: {
                                        if (!this.r_Suffix_Verb_Step1()) {
                                            break lab3;
                                        }
                                        v_5 -= 1;
                                        continue;
                                    }
                                    this.cursor = this.limit - v_6;
                                    break;
                                }
                                if (v_5 > 0) {
                                    break lab2;
                                }
                                while (true) {
                                    v_7 = this.limit - this.cursor;
                                    lab3: {
                                        if (!this.r_Suffix_Verb_Step2a()) {
                                            break lab3;
                                        }
                                        break;
                                    }
                                    this.cursor = this.limit - v_7;
                                    lab3: {
                                        if (!this.r_Suffix_Verb_Step2c()) {
                                            break lab3;
                                        }
                                        break;
                                    }
                                    this.cursor = this.limit - v_7;
                                    if (this.cursor <= this.limit_backward) {
                                        break lab2;
                                    }
                                    this.cursor -= 1;
                                    break;
                                }
                                break;
                            }
                            this.cursor = this.limit - v_4;
                            lab2: {
                                if (!this.r_Suffix_Verb_Step2b()) {
                                    break lab2;
                                }
                                break;
                            }
                            this.cursor = this.limit - v_4;
                            if (!this.r_Suffix_Verb_Step2a()) {
                                break lab1;
                            }
                            break;
                        }
                        break;
                    }
                    this.cursor = this.limit - v_3;
                    lab1: {
                        if (!this.B_is_noun) {
                            break lab1;
                        }
                        v_8 = this.limit - this.cursor;
                        lab2: {
                            while (true) {
                                v_9 = this.limit - this.cursor;
                                lab3: {
                                    if (!this.r_Suffix_Noun_Step2c2()) {
                                        break lab3;
                                    }
                                    break;
                                }
                                this.cursor = this.limit - v_9;
                                lab3: {
                                    if (this.B_is_defined) {
                                        break lab3;
                                    }
                                    if (!this.r_Suffix_Noun_Step1a()) {
                                        break lab3;
                                    }
                                    while (true) {
                                        v_10 = this.limit - this.cursor;
                                        lab4: {
                                            if (!this.r_Suffix_Noun_Step2a()) {
                                                break lab4;
                                            }
                                            break;
                                        }
                                        this.cursor = this.limit - v_10;
                                        lab4: {
                                            if (!this.r_Suffix_Noun_Step2b()) {
                                                break lab4;
                                            }
                                            break;
                                        }
                                        this.cursor = this.limit - v_10;
                                        lab4: {
                                            if (!this.r_Suffix_Noun_Step2c1()) {
                                                break lab4;
                                            }
                                            break;
                                        }
                                        this.cursor = this.limit - v_10;
                                        if (this.cursor <= this.limit_backward) {
                                            break lab3;
                                        }
                                        this.cursor -= 1;
                                        break;
                                    }
                                    break;
                                }
                                this.cursor = this.limit - v_9;
                                lab3: {
                                    if (!this.r_Suffix_Noun_Step1b()) {
                                        break lab3;
                                    }
                                    while (true) {
                                        v_11 = this.limit - this.cursor;
                                        lab4: {
                                            if (!this.r_Suffix_Noun_Step2a()) {
                                                break lab4;
                                            }
                                            break;
                                        }
                                        this.cursor = this.limit - v_11;
                                        lab4: {
                                            if (!this.r_Suffix_Noun_Step2b()) {
                                                break lab4;
                                            }
                                            break;
                                        }
                                        this.cursor = this.limit - v_11;
                                        if (!this.r_Suffix_Noun_Step2c1()) {
                                            break lab3;
                                        }
                                        break;
                                    }
                                    break;
                                }
                                this.cursor = this.limit - v_9;
                                lab3: {
                                    if (this.B_is_defined) {
                                        break lab3;
                                    }
                                    if (!this.r_Suffix_Noun_Step2a()) {
                                        break lab3;
                                    }
                                    break;
                                }
                                this.cursor = this.limit - v_9;
                                if (!this.r_Suffix_Noun_Step2b()) {
                                    this.cursor = this.limit - v_8;
                                    break lab2;
                                }
                                break;
                            }
                        }
                        if (!this.r_Suffix_Noun_Step3()) {
                            break lab1;
                        }
                        break;
                    }
                    this.cursor = this.limit - v_3;
                    if (!this.r_Suffix_All_alef_maqsura()) {
                        break lab0;
                    }
                    break;
                }
            }
            this.cursor = this.limit - v_2;
            this.cursor = this.limit_backward;
            v_12 = this.cursor;
            lab0: {
                v_13 = this.cursor;
                lab1: {
                    if (!this.r_Prefix_Step1()) {
                        this.cursor = v_13;
                        break lab1;
                    }
                }
                v_14 = this.cursor;
                lab1: {
                    if (!this.r_Prefix_Step2()) {
                        this.cursor = v_14;
                        break lab1;
                    }
                }
                while (true) {
                    v_15 = this.cursor;
                    lab1: {
                        if (!this.r_Prefix_Step3a_Noun()) {
                            break lab1;
                        }
                        break;
                    }
                    this.cursor = v_15;
                    lab1: {
                        if (!this.B_is_noun) {
                            break lab1;
                        }
                        if (!this.r_Prefix_Step3b_Noun()) {
                            break lab1;
                        }
                        break;
                    }
                    this.cursor = v_15;
                    if (!this.B_is_verb) {
                        break lab0;
                    }
                    v_16 = this.cursor;
                    lab1: {
                        if (!this.r_Prefix_Step3_Verb()) {
                            this.cursor = v_16;
                            break lab1;
                        }
                    }
                    if (!this.r_Prefix_Step4_Verb()) {
                        break lab0;
                    }
                    break;
                }
            }
            this.cursor = v_12;
            this.r_Normalize_post();
            return true;
        }
    }
    ArabicStemmer.a_0 = [new Among("\u0640", -1, 1), new Among("\u064b", -1, 1), new Among("\u064c", -1, 1), new Among("\u064d", -1, 1), new Among("\u064e", -1, 1), new Among("\u064f", -1, 1), new Among("\u0650", -1, 1), new Among("\u0651", -1, 1), new Among("\u0652", -1, 1), new Among("\u0660", -1, 2), new Among("\u0661", -1, 3), new Among("\u0662", -1, 4), new Among("\u0663", -1, 5), new Among("\u0664", -1, 6), new Among("\u0665", -1, 7), new Among("\u0666", -1, 8), new Among("\u0667", -1, 9), new Among("\u0668", -1, 10), new Among("\u0669", -1, 11), new Among("\ufe80", -1, 12), new Among("\ufe81", -1, 16), new Among("\ufe82", -1, 16), new Among("\ufe83", -1, 13), new Among("\ufe84", -1, 13), new Among("\ufe85", -1, 17), new Among("\ufe86", -1, 17), new Among("\ufe87", -1, 14), new Among("\ufe88", -1, 14), new Among("\ufe89", -1, 15), new Among("\ufe8a", -1, 15), new Among("\ufe8b", -1, 15), new Among("\ufe8c", -1, 15), new Among("\ufe8d", -1, 18), new Among("\ufe8e", -1, 18), new Among("\ufe8f", -1, 19), new Among("\ufe90", -1, 19), new Among("\ufe91", -1, 19), new Among("\ufe92", -1, 19), new Among("\ufe93", -1, 20), new Among("\ufe94", -1, 20), new Among("\ufe95", -1, 21), new Among("\ufe96", -1, 21), new Among("\ufe97", -1, 21), new Among("\ufe98", -1, 21), new Among("\ufe99", -1, 22), new Among("\ufe9a", -1, 22), new Among("\ufe9b", -1, 22), new Among("\ufe9c", -1, 22), new Among("\ufe9d", -1, 23), new Among("\ufe9e", -1, 23), new Among("\ufe9f", -1, 23), new Among("\ufea0", -1, 23), new Among("\ufea1", -1, 24), new Among("\ufea2", -1, 24), new Among("\ufea3", -1, 24), new Among("\ufea4", -1, 24), new Among("\ufea5", -1, 25), new Among("\ufea6", -1, 25), new Among("\ufea7", -1, 25), new Among("\ufea8", -1, 25), new Among("\ufea9", -1, 26), new Among("\ufeaa", -1, 26), new Among("\ufeab", -1, 27), new Among("\ufeac", -1, 27), new Among("\ufead", -1, 28), new Among("\ufeae", -1, 28), new Among("\ufeaf", -1, 29), new Among("\ufeb0", -1, 29), new Among("\ufeb1", -1, 30), new Among("\ufeb2", -1, 30), new Among("\ufeb3", -1, 30), new Among("\ufeb4", -1, 30), new Among("\ufeb5", -1, 31), new Among("\ufeb6", -1, 31), new Among("\ufeb7", -1, 31), new Among("\ufeb8", -1, 31), new Among("\ufeb9", -1, 32), new Among("\ufeba", -1, 32), new Among("\ufebb", -1, 32), new Among("\ufebc", -1, 32), new Among("\ufebd", -1, 33), new Among("\ufebe", -1, 33), new Among("\ufebf", -1, 33), new Among("\ufec0", -1, 33), new Among("\ufec1", -1, 34), new Among("\ufec2", -1, 34), new Among("\ufec3", -1, 34), new Among("\ufec4", -1, 34), new Among("\ufec5", -1, 35), new Among("\ufec6", -1, 35), new Among("\ufec7", -1, 35), new Among("\ufec8", -1, 35), new Among("\ufec9", -1, 36), new Among("\ufeca", -1, 36), new Among("\ufecb", -1, 36), new Among("\ufecc", -1, 36), new Among("\ufecd", -1, 37), new Among("\ufece", -1, 37), new Among("\ufecf", -1, 37), new Among("\ufed0", -1, 37), new Among("\ufed1", -1, 38), new Among("\ufed2", -1, 38), new Among("\ufed3", -1, 38), new Among("\ufed4", -1, 38), new Among("\ufed5", -1, 39), new Among("\ufed6", -1, 39), new Among("\ufed7", -1, 39), new Among("\ufed8", -1, 39), new Among("\ufed9", -1, 40), new Among("\ufeda", -1, 40), new Among("\ufedb", -1, 40), new Among("\ufedc", -1, 40), new Among("\ufedd", -1, 41), new Among("\ufede", -1, 41), new Among("\ufedf", -1, 41), new Among("\ufee0", -1, 41), new Among("\ufee1", -1, 42), new Among("\ufee2", -1, 42), new Among("\ufee3", -1, 42), new Among("\ufee4", -1, 42), new Among("\ufee5", -1, 43), new Among("\ufee6", -1, 43), new Among("\ufee7", -1, 43), new Among("\ufee8", -1, 43), new Among("\ufee9", -1, 44), new Among("\ufeea", -1, 44), new Among("\ufeeb", -1, 44), new Among("\ufeec", -1, 44), new Among("\ufeed", -1, 45), new Among("\ufeee", -1, 45), new Among("\ufeef", -1, 46), new Among("\ufef0", -1, 46), new Among("\ufef1", -1, 47), new Among("\ufef2", -1, 47), new Among("\ufef3", -1, 47), new Among("\ufef4", -1, 47), new Among("\ufef5", -1, 51), new Among("\ufef6", -1, 51), new Among("\ufef7", -1, 49), new Among("\ufef8", -1, 49), new Among("\ufef9", -1, 50), new Among("\ufefa", -1, 50), new Among("\ufefb", -1, 48), new Among("\ufefc", -1, 48)];
    ArabicStemmer.as_0 = ["", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "\u0621", "\u0623", "\u0625", "\u0626", "\u0622", "\u0624", "\u0627", "\u0628", "\u0629", "\u062a", "\u062b", "\u062c", "\u062d", "\u062e", "\u062f", "\u0630", "\u0631", "\u0632", "\u0633", "\u0634", "\u0635", "\u0636", "\u0637", "\u0638", "\u0639", "\u063a", "\u0641", "\u0642", "\u0643", "\u0644", "\u0645", "\u0646", "\u0647", "\u0648", "\u0649", "\u064a", "\u0644\u0627", "\u0644\u0623", "\u0644\u0625", "\u0644\u0622"];
    ArabicStemmer.a_1 = [new Among("\u0622", -1, 1), new Among("\u0623", -1, 1), new Among("\u0624", -1, 1), new Among("\u0625", -1, 1), new Among("\u0626", -1, 1)];
    ArabicStemmer.a_2 = [new Among("\u0622", -1, 1), new Among("\u0623", -1, 1), new Among("\u0624", -1, 2), new Among("\u0625", -1, 1), new Among("\u0626", -1, 3)];
    ArabicStemmer.as_2 = ["\u0627", "\u0648", "\u064a"];
    ArabicStemmer.a_3 = [new Among("\u0627\u0644", -1, 2), new Among("\u0628\u0627\u0644", -1, 1), new Among("\u0643\u0627\u0644", -1, 1), new Among("\u0644\u0644", -1, 2)];
    ArabicStemmer.a_4 = [new Among("\u0623\u0622", -1, 2), new Among("\u0623\u0623", -1, 1), new Among("\u0623\u0624", -1, 1), new Among("\u0623\u0625", -1, 4), new Among("\u0623\u0627", -1, 3)];
    ArabicStemmer.a_5 = [new Among("\u0641", -1, 1), new Among("\u0648", -1, 1)];
    ArabicStemmer.a_6 = [new Among("\u0627\u0644", -1, 2), new Among("\u0628\u0627\u0644", -1, 1), new Among("\u0643\u0627\u0644", -1, 1), new Among("\u0644\u0644", -1, 2)];
    ArabicStemmer.a_7 = [new Among("\u0628", -1, 1), new Among("\u0628\u0627", 0, -1), new Among("\u0628\u0628", 0, 2), new Among("\u0643\u0643", -1, 3)];
    ArabicStemmer.a_8 = [new Among("\u0633\u0623", -1, 4), new Among("\u0633\u062a", -1, 2), new Among("\u0633\u0646", -1, 3), new Among("\u0633\u064a", -1, 1)];
    ArabicStemmer.a_9 = [new Among("\u062a\u0633\u062a", -1, 1), new Among("\u0646\u0633\u062a", -1, 1), new Among("\u064a\u0633\u062a", -1, 1)];
    ArabicStemmer.a_10 = [new Among("\u0643\u0645\u0627", -1, 3), new Among("\u0647\u0645\u0627", -1, 3), new Among("\u0646\u0627", -1, 2), new Among("\u0647\u0627", -1, 2), new Among("\u0643", -1, 1), new Among("\u0643\u0645", -1, 2), new Among("\u0647\u0645", -1, 2), new Among("\u0647\u0646", -1, 2), new Among("\u0647", -1, 1), new Among("\u064a", -1, 1)];
    ArabicStemmer.a_11 = [new Among("\u0627", -1, 1), new Among("\u0648", -1, 1), new Among("\u064a", -1, 1)];
    ArabicStemmer.a_12 = [new Among("\u0643\u0645\u0627", -1, 3), new Among("\u0647\u0645\u0627", -1, 3), new Among("\u0646\u0627", -1, 2), new Among("\u0647\u0627", -1, 2), new Among("\u0643", -1, 1), new Among("\u0643\u0645", -1, 2), new Among("\u0647\u0645", -1, 2), new Among("\u0643\u0646", -1, 2), new Among("\u0647\u0646", -1, 2), new Among("\u0647", -1, 1), new Among("\u0643\u0645\u0648", -1, 3), new Among("\u0646\u064a", -1, 2)];
    ArabicStemmer.a_13 = [new Among("\u0627", -1, 1), new Among("\u062a\u0627", 0, 2), new Among("\u062a\u0645\u0627", 0, 4), new Among("\u0646\u0627", 0, 2), new Among("\u062a", -1, 1), new Among("\u0646", -1, 1), new Among("\u0627\u0646", 5, 3), new Among("\u062a\u0646", 5, 2), new Among("\u0648\u0646", 5, 3), new Among("\u064a\u0646", 5, 3), new Among("\u064a", -1, 1)];
    ArabicStemmer.a_14 = [new Among("\u0648\u0627", -1, 1), new Among("\u062a\u0645", -1, 1)];
    ArabicStemmer.a_15 = [new Among("\u0648", -1, 1), new Among("\u062a\u0645\u0648", 0, 2)];

    class RussianStemmer extends BaseStemmer {
        constructor() {
            super();
            this.I_p2 = 0;
            this.I_pV = 0;
        }

        r_mark_regions() {
            let v_1;
            this.I_pV = this.limit;
            this.I_p2 = this.limit;
            v_1 = this.cursor;
            lab0: {
                if (!this.go_out_grouping(RussianStemmer.g_v)) {
                    break lab0;
                }
                this.cursor += 1;
                this.I_pV = this.cursor;
                if (!this.go_in_grouping(RussianStemmer.g_v)) {
                    break lab0;
                }
                this.cursor += 1;
                if (!this.go_out_grouping(RussianStemmer.g_v)) {
                    break lab0;
                }
                this.cursor += 1;
                if (!this.go_in_grouping(RussianStemmer.g_v)) {
                    break lab0;
                }
                this.cursor += 1;
                this.I_p2 = this.cursor;
            }
            this.cursor = v_1;
            return true;
        }

        r_perfective_gerund() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(RussianStemmer.a_0);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                while (true) {
                    lab0: {
                        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u0430") {
                            break lab0;
                        }
                        this.cursor -= 1;
                        break;
                    }
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u044f") {
                        return false;
                    }
                    this.cursor -= 1;
                    break;
                }
                this.slice_del();
            } else {
                this.slice_del();
            }
            return true;
        }

        r_adjective() {
            this.ket = this.cursor;
            if (this.find_among_b(RussianStemmer.a_1) === 0) {
                return false;
            }
            this.bra = this.cursor;
            this.slice_del();
            return true;
        }

        r_adjectival() {
            let v_1, among_var;
            if (!this.r_adjective()) {
                return false;
            }
            v_1 = this.limit - this.cursor;
            lab0: {
                this.ket = this.cursor;
                among_var = this.find_among_b(RussianStemmer.a_2);
                if (among_var === 0) {
                    this.cursor = this.limit - v_1;
                    break lab0;
                }
                this.bra = this.cursor;
                if (among_var === 1) {
                    while (true) {
                        lab1: {
                            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u0430") {
                                break lab1;
                            }
                            this.cursor -= 1;
                            break;
                        }
                        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u044f") {
                            this.cursor = this.limit - v_1;
                            break lab0;
                        }
                        this.cursor -= 1;
                        break;
                    }
                    this.slice_del();
                } else {
                    this.slice_del();
                }
            }
            return true;
        }

        r_reflexive() {
            this.ket = this.cursor;
            if (this.find_among_b(RussianStemmer.a_3) === 0) {
                return false;
            }
            this.bra = this.cursor;
            this.slice_del();
            return true;
        }

        r_verb() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(RussianStemmer.a_4);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                while (true) {
                    lab0: {
                        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u0430") {
                            break lab0;
                        }
                        this.cursor -= 1;
                        break;
                    }
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u044f") {
                        return false;
                    }
                    this.cursor -= 1;
                    break;
                }
                this.slice_del();
            } else {
                this.slice_del();
            }
            return true;
        }

        r_noun() {
            this.ket = this.cursor;
            if (this.find_among_b(RussianStemmer.a_5) === 0) {
                return false;
            }
            this.bra = this.cursor;
            this.slice_del();
            return true;
        }

        r_derivational() {
            this.ket = this.cursor;
            if (this.find_among_b(RussianStemmer.a_6) === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (this.I_p2 > this.cursor) {
                return false;
            }
            this.slice_del();
            return true;
        }

        r_tidy_up() {
            let among_var;
            this.ket = this.cursor;
            among_var = this.find_among_b(RussianStemmer.a_7);
            if (among_var === 0) {
                return false;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                this.slice_del();
                this.ket = this.cursor;
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u043d") {
                    return false;
                }
                this.cursor -= 1;
                this.bra = this.cursor;
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u043d") {
                    return false;
                }
                this.cursor -= 1;
                this.slice_del();
            } else if (among_var === 2) {
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u043d") {
                    return false;
                }
                this.cursor -= 1;
                this.slice_del();
            } else {
                this.slice_del();
            }
            return true;
        }

        _stem() {
            let v_1, v_5, v_6, v_10, v_11, v_12, v_2, v_7, v_8, v_9, v_3;
            v_1 = this.cursor;
            lab0: {
                while (true) {
                    v_2 = this.cursor;
                    lab1: {
                        while (true) {
                            v_3 = this.cursor;
                            lab2: {
                                this.bra = this.cursor;
                                if (this.cursor === this.limit || this.current[this.cursor] !== "\u0451") {
                                    break lab2;
                                }
                                this.cursor += 1;
                                this.ket = this.cursor;
                                this.cursor = v_3;
                                break;
                            }
                            this.cursor = v_3;
                            if (this.cursor >= this.limit) {
                                break lab1;
                            }
                            this.cursor += 1;
                        }
                        this.slice_from("\u0435");
                        continue;
                    }
                    this.cursor = v_2;
                    break;
                }
            }
            this.cursor = v_1;
            this.r_mark_regions();
            this.limit_backward = this.cursor;
            this.cursor = this.limit;
            if (this.cursor < this.I_pV) {
                return false;
            }
            v_5 = this.limit_backward;
            this.limit_backward = this.I_pV;
            v_6 = this.limit - this.cursor;
            lab0: {
                while (true) {
                    v_7 = this.limit - this.cursor;
                    lab1: {
                        if (!this.r_perfective_gerund()) {
                            break lab1;
                        }
                        break;
                    }
                    this.cursor = this.limit - v_7;
                    v_8 = this.limit - this.cursor;
                    lab1: {
                        if (!this.r_reflexive()) {
                            this.cursor = this.limit - v_8;
                            break lab1;
                        }
                    }
                    while (true) {
                        v_9 = this.limit - this.cursor;
                        lab1: {
                            if (!this.r_adjectival()) {
                                break lab1;
                            }
                            break;
                        }
                        this.cursor = this.limit - v_9;
                        lab1: {
                            if (!this.r_verb()) {
                                break lab1;
                            }
                            break;
                        }
                        this.cursor = this.limit - v_9;
                        if (!this.r_noun()) {
                            break lab0;
                        }
                        break;
                    }
                    break;
                }
            }
            this.cursor = this.limit - v_6;
            v_10 = this.limit - this.cursor;
            lab0: {
                this.ket = this.cursor;
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "\u0438") {
                    this.cursor = this.limit - v_10;
                    break lab0;
                }
                this.cursor -= 1;
                this.bra = this.cursor;
                this.slice_del();
            }
            v_11 = this.limit - this.cursor;
            this.r_derivational();
            this.cursor = this.limit - v_11;
            v_12 = this.limit - this.cursor;
            this.r_tidy_up();
            this.cursor = this.limit - v_12;
            this.limit_backward = v_5;
            this.cursor = this.limit_backward;
            return true;
        }
    }
    RussianStemmer.g_v = new Set("\u0430\u0435\u0438\u043e\u0443\u044b\u044d\u044e\u044f");
    RussianStemmer.a_0 = [new Among("\u0432", -1, 1), new Among("\u0438\u0432", 0, 2), new Among("\u044b\u0432", 0, 2), new Among("\u0432\u0448\u0438", -1, 1), new Among("\u0438\u0432\u0448\u0438", 3, 2), new Among("\u044b\u0432\u0448\u0438", 3, 2), new Among("\u0432\u0448\u0438\u0441\u044c", -1, 1), new Among("\u0438\u0432\u0448\u0438\u0441\u044c", 6, 2), new Among("\u044b\u0432\u0448\u0438\u0441\u044c", 6, 2)];
    RussianStemmer.a_1 = [new Among("\u0435\u0435", -1, 1), new Among("\u0438\u0435", -1, 1), new Among("\u043e\u0435", -1, 1), new Among("\u044b\u0435", -1, 1), new Among("\u0438\u043c\u0438", -1, 1), new Among("\u044b\u043c\u0438", -1, 1), new Among("\u0435\u0439", -1, 1), new Among("\u0438\u0439", -1, 1), new Among("\u043e\u0439", -1, 1), new Among("\u044b\u0439", -1, 1), new Among("\u0435\u043c", -1, 1), new Among("\u0438\u043c", -1, 1), new Among("\u043e\u043c", -1, 1), new Among("\u044b\u043c", -1, 1), new Among("\u0435\u0433\u043e", -1, 1), new Among("\u043e\u0433\u043e", -1, 1), new Among("\u0435\u043c\u0443", -1, 1), new Among("\u043e\u043c\u0443", -1, 1), new Among("\u0438\u0445", -1, 1), new Among("\u044b\u0445", -1, 1), new Among("\u0435\u044e", -1, 1), new Among("\u043e\u044e", -1, 1), new Among("\u0443\u044e", -1, 1), new Among("\u044e\u044e", -1, 1), new Among("\u0430\u044f", -1, 1), new Among("\u044f\u044f", -1, 1)];
    RussianStemmer.a_2 = [new Among("\u0435\u043c", -1, 1), new Among("\u043d\u043d", -1, 1), new Among("\u0432\u0448", -1, 1), new Among("\u0438\u0432\u0448", 2, 2), new Among("\u044b\u0432\u0448", 2, 2), new Among("\u0449", -1, 1), new Among("\u044e\u0449", 5, 1), new Among("\u0443\u044e\u0449", 6, 2)];
    RussianStemmer.a_3 = [new Among("\u0441\u044c", -1, 1), new Among("\u0441\u044f", -1, 1)];
    RussianStemmer.a_4 = [new Among("\u043b\u0430", -1, 1), new Among("\u0438\u043b\u0430", 0, 2), new Among("\u044b\u043b\u0430", 0, 2), new Among("\u043d\u0430", -1, 1), new Among("\u0435\u043d\u0430", 3, 2), new Among("\u0435\u0442\u0435", -1, 1), new Among("\u0438\u0442\u0435", -1, 2), new Among("\u0439\u0442\u0435", -1, 1), new Among("\u0435\u0439\u0442\u0435", 7, 2), new Among("\u0443\u0439\u0442\u0435", 7, 2), new Among("\u043b\u0438", -1, 1), new Among("\u0438\u043b\u0438", 10, 2), new Among("\u044b\u043b\u0438", 10, 2), new Among("\u0439", -1, 1), new Among("\u0435\u0439", 13, 2), new Among("\u0443\u0439", 13, 2), new Among("\u043b", -1, 1), new Among("\u0438\u043b", 16, 2), new Among("\u044b\u043b", 16, 2), new Among("\u0435\u043c", -1, 1), new Among("\u0438\u043c", -1, 2), new Among("\u044b\u043c", -1, 2), new Among("\u043d", -1, 1), new Among("\u0435\u043d", 22, 2), new Among("\u043b\u043e", -1, 1), new Among("\u0438\u043b\u043e", 24, 2), new Among("\u044b\u043b\u043e", 24, 2), new Among("\u043d\u043e", -1, 1), new Among("\u0435\u043d\u043e", 27, 2), new Among("\u043d\u043d\u043e", 27, 1), new Among("\u0435\u0442", -1, 1), new Among("\u0443\u0435\u0442", 30, 2), new Among("\u0438\u0442", -1, 2), new Among("\u044b\u0442", -1, 2), new Among("\u044e\u0442", -1, 1), new Among("\u0443\u044e\u0442", 34, 2), new Among("\u044f\u0442", -1, 2), new Among("\u043d\u044b", -1, 1), new Among("\u0435\u043d\u044b", 37, 2), new Among("\u0442\u044c", -1, 1), new Among("\u0438\u0442\u044c", 39, 2), new Among("\u044b\u0442\u044c", 39, 2), new Among("\u0435\u0448\u044c", -1, 1), new Among("\u0438\u0448\u044c", -1, 2), new Among("\u044e", -1, 2), new Among("\u0443\u044e", 44, 2)];
    RussianStemmer.a_5 = [new Among("\u0430", -1, 1), new Among("\u0435\u0432", -1, 1), new Among("\u043e\u0432", -1, 1), new Among("\u0435", -1, 1), new Among("\u0438\u0435", 3, 1), new Among("\u044c\u0435", 3, 1), new Among("\u0438", -1, 1), new Among("\u0435\u0438", 6, 1), new Among("\u0438\u0438", 6, 1), new Among("\u0430\u043c\u0438", 6, 1), new Among("\u044f\u043c\u0438", 6, 1), new Among("\u0438\u044f\u043c\u0438", 10, 1), new Among("\u0439", -1, 1), new Among("\u0435\u0439", 12, 1), new Among("\u0438\u0435\u0439", 13, 1), new Among("\u0438\u0439", 12, 1), new Among("\u043e\u0439", 12, 1), new Among("\u0430\u043c", -1, 1), new Among("\u0435\u043c", -1, 1), new Among("\u0438\u0435\u043c", 18, 1), new Among("\u043e\u043c", -1, 1), new Among("\u044f\u043c", -1, 1), new Among("\u0438\u044f\u043c", 21, 1), new Among("\u043e", -1, 1), new Among("\u0443", -1, 1), new Among("\u0430\u0445", -1, 1), new Among("\u044f\u0445", -1, 1), new Among("\u0438\u044f\u0445", 26, 1), new Among("\u044b", -1, 1), new Among("\u044c", -1, 1), new Among("\u044e", -1, 1), new Among("\u0438\u044e", 30, 1), new Among("\u044c\u044e", 30, 1), new Among("\u044f", -1, 1), new Among("\u0438\u044f", 33, 1), new Among("\u044c\u044f", 33, 1)];
    RussianStemmer.a_6 = [new Among("\u043e\u0441\u0442", -1, 1), new Among("\u043e\u0441\u0442\u044c", -1, 1)];
    RussianStemmer.a_7 = [new Among("\u0435\u0439\u0448\u0435", -1, 1), new Among("\u043d", -1, 2), new Among("\u0435\u0439\u0448", -1, 1), new Among("\u044c", -1, 3)];

    const stemmers = { "en": new EnglishStemmer(), "ar": new ArabicStemmer(), "ru": new RussianStemmer() };

    // Python indexes strings by code point, JavaScript by UTF-16 unit, so a character outside the
    // Basic Multilingual Plane (emoji, mathematical letters) would count as two characters here and
    // shift lengths and regions. No Snowball letter is such a character, so each distinct one is
    // swapped for a private-use character absent from the word while stemming, and swapped back.
    const ASTRAL_CHARACTER = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;
    const PRIVATE_USE_FIRST = 0xE000;
    const PRIVATE_USE_LAST = 0xF8FF;

    function stemWithStandIns(stemmer, word) {
        const standInFor = new Map();
        const originalOf = new Map();
        let candidate = PRIVATE_USE_FIRST;
        let encoded = "";
        for (const character of word) {  // iterates by code point, as Python does
            if (character.length === 1) {
                encoded += character;
                continue;
            }
            if (!standInFor.has(character)) {
                while (candidate <= PRIVATE_USE_LAST && word.includes(String.fromCharCode(candidate))) {
                    candidate++;
                }
                if (candidate > PRIVATE_USE_LAST) {
                    throw new RangeError("AtlasSnowball: too many distinct non-BMP characters in one word");
                }
                const standIn = String.fromCharCode(candidate++);
                standInFor.set(character, standIn);
                originalOf.set(standIn, character);
            }
            encoded += standInFor.get(character);
        }
        let decoded = "";
        for (const character of stemmer.stemWord(encoded)) {
            decoded += originalOf.get(character) || character;
        }
        return decoded;
    }

    /** Stem one lowercased word exactly like snowballstemmer's stemWord() for that language. */
    function stem(language, word) {
        if (!Object.prototype.hasOwnProperty.call(stemmers, language)) {
            throw new Error("AtlasSnowball: unsupported language " + JSON.stringify(language));
        }
        if (typeof word !== "string") {
            throw new TypeError("AtlasSnowball: word must be a string");
        }
        const stemmer = stemmers[language];
        return ASTRAL_CHARACTER.test(word) ? stemWithStandIns(stemmer, word) : stemmer.stemWord(word);
    }

    return {
        stem: stem,
        languages: Object.freeze(Object.keys(stemmers)),
        snowballVersion: "3.1.1",
    };
});
