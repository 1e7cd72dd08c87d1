/// The sentence under a region page's title: how many reports it lists, and why some sit at this
/// level. The unknown-region page has no subregions, so it says what its reports lack instead.
enum RegionIntro {
    static func text(_ node: RegionIndex.Node) -> String {
        if node.key == RegionIndex.unknownKey {
            return "原文未写明所属地区（或地区名称被隐去）的报告，共 \(node.total) 篇；已知其发文单位级别的，标为“\(Vocabulary.unknownRegion)（县级）”等。"
        }
        var intro = "本地区及下级地区共 \(node.total) 篇报告。"
        let labels = node.reports.compactMap(\.label)
        if !labels.isEmpty {
            let named = Set(labels).sorted().map { "“\($0)”" }.joined(separator: "、")
            intro += "其中 \(labels.count) 篇的下级地区名称在原文中被隐去，标为\(named)，列在本级。"
        }
        return intro
    }
}
